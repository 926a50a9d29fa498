import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { canInGroup, type GroupAction } from "./group-policy.ts";
import { withheldPeerWhere, type AnonymousScope, type WithheldRange } from "./peer-policy.ts";

export * from "./peer-policy.ts";
export * from "./group-policy.ts";
export * from "./assignment-policy.ts";

/**
 * Who may do what: the one place that decides. Every page, server action and route handler asks it,
 * and services put `groupWhere(...)` / `membershipWhere(...)` into their queries, so a row the caller
 * may not touch is never read in the first place.
 *
 * The rules for annotations, in short: a reply, revision, count or event never reaches anyone who
 * could not read it when it was written (`replyReadWhere`, `revisionReadWhere`); removing a member
 * ends their writes at once, while their own work stays theirs to read (`annotationPermissions`);
 * moderators never hide the work of a higher role: a teaching assistant cannot hide an instructor's
 * notes or replies, an instructor can hide anyone's (`mayHideWorkOf`).
 *
 * Parts of it live beside it and are re-exported here, so there is one module to import: the actions
 * on groups and which sources one reads (group-policy.ts), what students see of their peers
 * (peer-policy.ts), and assignments, grades and exports (assignment-policy.ts).
 */

/** The caller: a signed-in user's id, or null for an anonymous reader. */
export type Actor = {
  userId: string;
  /**
   * Their name, when it was read with their session for this request (getActor): spares reading it
   * again to show what they just wrote. Never a reason to allow anything.
   */
  name?: string;
} | null;

/** A group the actor belongs to, with their role there (read from the database for each request). */
export interface MembershipRole {
  groupId: string;
  role: GroupRole;
  /**
   * Where peers' annotations in the group are withheld from this member (a student below an
   * assignment's reveal-after-posting minimum: lib/assignments/find-withheld-ranges.ts), as
   * loadMemberships reads them; absent or empty: nothing withheld.
   */
  withheld?: readonly WithheldRange[];
  /**
   * Anonymous to peers: the readings of the group's anonymous assignments, where its students' notes
   * are shown to this member (a student) under pseudonyms (lib/assignments/anonymity.ts), and the
   * group's staff (whose names are shown); absent: every name is shown.
   */
  anonymous?: AnonymousScope;
}

export type Visibility = "PRIVATE" | "INSTRUCTORS" | "GROUP";

/** Groups among `memberships` in which the actor may perform `action`. */
function groupsAllowing(memberships: readonly MembershipRole[], action: GroupAction): string[] {
  return memberships.filter((m) => canInGroup(m.role, action)).map((m) => m.groupId);
}

/**
 * Which annotations (thread roots) an actor reads, as a `where` clause:
 * - their own, whatever the visibility, hidden or not;
 * - in a group they belong to: those visible to the whole group, unless hidden;
 * - in a group where they moderate (instructors, teaching assistants): those visible to the group or
 *   to instructors, hidden ones included (marked so).
 * - except, for a student, peers' annotations withheld until they post their own (reveal after
 *   posting: `withheldPeerWhere`; only students are ever given withheld ranges).
 * Private annotations of others never match, not even for instructors. Anonymous: nothing.
 */
export function annotationReadWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  const visibleToGroup: Visibility[] = ["GROUP"];
  const visibleToStaff: Visibility[] = ["GROUP", "INSTRUCTORS"];
  // Reveal after posting: peers' notes on readings the actor has not yet unlocked.
  const withheld = withheldPeerWhere(actor, memberships);
  return {
    OR: [
      { authorId: actor.userId },
      {
        groupId: { in: groupsAllowing(memberships, "group.read") },
        visibility: { in: visibleToGroup },
        hiddenAt: null,
        ...(withheld && { NOT: withheld }),
      },
      {
        groupId: { in: groupsAllowing(memberships, "annotation.moderate") },
        visibility: { in: visibleToStaff },
      },
    ],
  };
}

/** Members of a group who read the same others' annotations there: its moderators, or everyone else. */
export type ReadingTier = "moderators" | "members";

/** The reading tier of a member with `role` (null: not a member, who reads nothing of the group). */
export function readingTier(role: GroupRole | null | undefined): ReadingTier | null {
  if (canInGroup(role, "annotation.moderate")) return "moderators";
  return canInGroup(role, "group.read") ? "members" : null;
}

/**
 * The annotations (thread roots) of one group that every member of a reading tier reads: the part of
 * `annotationReadWhere` that does not depend on who is asking, so it can be read once and shared by
 * the tier. A member reads exactly these plus their own annotations in the group (`authorId`).
 */
export function groupSharedReadWhere(groupId: string, tier: ReadingTier) {
  return tier === "moderators"
    ? { groupId, visibility: { in: ["GROUP", "INSTRUCTORS"] as Visibility[] } }
    : { groupId, visibility: { in: ["GROUP"] as Visibility[] }, hiddenAt: null };
}

/**
 * The replies of one group that every member of a reading tier reads (`replyReadWhere` for them):
 * those in the threads the tier shares (`groupSharedReadWhere`) whose audience holds the whole tier,
 * not hidden unless the tier moderates. A member reads exactly these plus their own replies and the
 * replies they may read in their own threads (as the thread's author).
 */
export function groupSharedReplyWhere(groupId: string, tier: ReadingTier) {
  return tier === "moderators"
    ? {
        groupId,
        parent: groupSharedReadWhere(groupId, tier),
        visibility: { in: ["GROUP", "INSTRUCTORS"] as Visibility[] },
      }
    : {
        groupId,
        parent: groupSharedReadWhere(groupId, tier),
        visibility: { in: ["GROUP"] as Visibility[] },
        hiddenAt: null,
      };
}

/**
 * Who reads a reply. A reply is stored with the audience it was written for (its `visibility`: the
 * thread's visibility when it was written, narrowed when it is edited while the thread is narrower),
 * and it never reaches more readers than that audience, whatever the thread becomes later:
 * - its author always reads it (in a group they left too: their own work stays theirs);
 * - anyone else reads it only if they read the thread's root now (`annotationReadWhere`) AND belong
 *   to the reply's audience in the group now (the thread's author, the moderators for
 *   "instructors", every member for "group"), and it is not hidden (unless they moderate there).
 * Someone who has left a group reads nothing of it but their own.
 */
export function replyReadWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    OR: [
      { authorId: actor.userId },
      {
        parent: annotationReadWhere(actor, memberships),
        AND: [replyAudienceWhere(actor, memberships), replyHiddenWhere(actor, memberships)],
      },
    ],
  };
}

/**
 * `replyReadWhere` without the condition on the thread's root, for a query that keeps only replies
 * in threads whose roots it read with `annotationReadWhere` (or the actor's own replies).
 */
export function replyInReadThreadWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    OR: [
      { authorId: actor.userId },
      { AND: [replyAudienceWhere(actor, memberships), replyHiddenWhere(actor, memberships)] },
    ],
  };
}

/**
 * `replyReadWhere` for replies in threads the actor wrote, for a query that keeps only those: the
 * thread's author reads its root and is in every audience of it while a member of its group, so
 * only their membership and the reply's hiding remain to ask (no look at the thread per reply).
 */
export function replyInOwnThreadReadWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    OR: [
      { authorId: actor.userId },
      {
        groupId: { in: groupsAllowing(memberships, "group.read") },
        AND: [replyHiddenWhere(actor, memberships)],
      },
    ],
  };
}

/** Rows (replies or revisions) whose stored audience `visibility` includes the actor as a member. */
function audienceWhere(memberships: readonly MembershipRole[]) {
  return [
    { visibility: "GROUP" as Visibility, groupId: { in: groupsAllowing(memberships, "group.read") } },
    {
      visibility: { in: ["GROUP", "INSTRUCTORS"] as Visibility[] },
      groupId: { in: groupsAllowing(memberships, "annotation.moderate") },
    },
  ];
}

function replyAudienceWhere(actor: { userId: string }, memberships: readonly MembershipRole[]) {
  return {
    OR: [
      ...audienceWhere(memberships),
      // The thread's author is in every audience of their thread while a member of its group.
      { parent: { authorId: actor.userId }, groupId: { in: groupsAllowing(memberships, "group.read") } },
    ],
  };
}

function replyHiddenWhere(actor: { userId: string }, memberships: readonly MembershipRole[]) {
  return {
    OR: [
      { hiddenAt: null },
      { authorId: actor.userId },
      { groupId: { in: groupsAllowing(memberships, "annotation.moderate") } },
    ],
  };
}

/**
 * Which earlier versions (revisions) of an annotation or reply an actor reads, for one they may read
 * now: each version is stored with the audience it was written for (`visibility`: the annotation's,
 * or the reply's audience, at the time), and is read by its author and by those in that audience now.
 * So a private draft stays private after the note is shared, and a version for the instructors
 * never reaches students.
 */
export function revisionReadWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  const member = groupsAllowing(memberships, "group.read");
  return {
    OR: [
      { annotation: { authorId: actor.userId } },
      // The author of a reply's thread, while a member.
      { annotation: { groupId: { in: member }, parent: { authorId: actor.userId } } },
      ...audienceWhere(memberships).map(({ groupId, ...audience }) => ({
        ...audience,
        annotation: { groupId },
      })),
    ],
  };
}

/** The narrower of two audiences (a reply edited while its thread is narrower keeps to the thread's). */
export function narrowerAudience(a: Visibility, b: Visibility): Visibility {
  const order: Visibility[] = ["PRIVATE", "INSTRUCTORS", "GROUP"];
  return order[Math.min(order.indexOf(a), order.indexOf(b))]!;
}

/**
 * How far up the roles a moderator's hiding reaches: a moderator may hide the work of their own role
 * and those below, never above. So a teaching assistant hides students' and other assistants' work,
 * not an instructor's; an instructor hides anyone's. (Decided so that the person responsible for the
 * seminar cannot be silenced by their assistant; an assistant's mistake is an instructor's to undo.)
 * An author who has left the group counts as a student.
 */
const RANK: Record<GroupRole, number> = { STUDENT: 0, TEACHING_ASSISTANT: 1, INSTRUCTOR: 2 };

export function mayHideWorkOf(moderator: GroupRole | null | undefined, author: GroupRole | null | undefined) {
  return canInGroup(moderator, "annotation.moderate") && RANK[author ?? "STUDENT"] <= RANK[moderator!];
}

/**
 * What the actor may do with an annotation or reply they can read (`role`: theirs in its group,
 * `authorRole`: its author's there, null if they left). Every write in a group needs a membership
 * that may annotate there, so removing a member ends their edits, deletions, replies and hiding at
 * once; their own work stays readable to them, read-only. A thread withheld from the actor (they
 * read only their own replies in it) allows nothing on its root.
 */
export function annotationPermissions(
  actor: Actor,
  role: GroupRole | null,
  annotation: {
    authorId: string;
    authorRole: GroupRole | null;
    groupId: string | null;
    visibility: Visibility;
    deleted: boolean;
    withheld?: boolean;
  },
): { edit: boolean; delete: boolean; reply: boolean; moderate: boolean } {
  const mine = actor !== null && actor.userId === annotation.authorId;
  const live = !annotation.deleted && !annotation.withheld;
  const inGroup = annotation.groupId !== null;
  const writes = inGroup ? canInGroup(role, "annotation.create") : mine;
  return {
    edit: mine && live && writes,
    delete: mine && live && writes,
    reply: live && writes,
    moderate:
      live && inGroup && annotation.visibility !== "PRIVATE" && mayHideWorkOf(role, annotation.authorRole),
  };
}

/**
 * Whether the actor may mark an annotation "helpful" and highlight (feature) it, for a thread root
 * they can read (`role`: theirs in its group now). Both are writes, so both end the moment a member
 * is removed (no role); neither applies to a reply, a tombstone, a personal or private note, or a
 * thread withheld from the actor. A mark is never on one's own work; featuring is the staff's.
 */
export function annotationMarkPermissions(
  actor: Actor,
  role: GroupRole | null,
  annotation: {
    authorId: string;
    groupId: string | null;
    parentId: string | null;
    visibility: Visibility;
    deleted: boolean;
    withheld?: boolean;
  },
): { markHelpful: boolean; feature: boolean } {
  const markable =
    actor !== null &&
    annotation.parentId === null &&
    annotation.groupId !== null &&
    annotation.visibility !== "PRIVATE" &&
    !annotation.deleted &&
    !annotation.withheld;
  return {
    markHelpful:
      markable && actor.userId !== annotation.authorId && canInGroup(role, "annotation.markHelpful"),
    feature: markable && canInGroup(role, "annotation.feature"),
  };
}

/**
 * Thread roots the actor does not read but in which they read their own replies (the thread was
 * narrowed or hidden since, or they left its group): such a thread is listed "withheld", with their
 * replies and nothing of the root but its place. `replyScope` limits the replies considered (the
 * list's scope). Use beside `annotationReadWhere`, whose roots are listed whole.
 */
export function withheldThreadWhere(
  actor: Actor,
  memberships: readonly MembershipRole[],
  replyScope: object = {},
) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    parentId: null,
    replies: { some: { authorId: actor.userId, AND: [replyScope] } },
    NOT: annotationReadWhere(actor, memberships),
  };
}

/**
 * `withheldThreadWhere` among `threadIds`, the threads holding the actor's replies in the scope (read
 * beforehand by their own replies): the same threads, found without looking into every thread.
 */
export function withheldThreadAmongWhere(
  actor: Actor,
  memberships: readonly MembershipRole[],
  threadIds: readonly string[],
) {
  if (!actor) return { id: { in: [] as string[] } };
  return { parentId: null, id: { in: [...threadIds] }, NOT: annotationReadWhere(actor, memberships) };
}

/**
 * Notifications (lib/notifications): a user reads and marks only their own. Whether the thing one
 * points to is still theirs to read is asked of the rules above each time it is listed
 * (`annotationReadWhere`, `replyReadWhere`, `assignmentWhere`, `rubricReadWhere`).
 */
export function notificationWhere(actor: Actor) {
  if (!actor) return { id: { in: [] as string[] } };
  return { recipientId: actor.userId };
}

/** Personal access tokens (lib/auth/*-access-token*.ts): each person sees and revokes only their own. */
export function accessTokenWhere(actor: { userId: string }) {
  return { userId: actor.userId };
}

/**
 * Whether a request made with a token of `scope` may use `method`: a read token only reads (GET,
 * HEAD, OPTIONS); a read-write token also writes. A token never grants more than its owner may do:
 * the same rules as above decide what the owner reads and changes.
 */
export function tokenAllowsMethod(scope: "read" | "read-write", method: string): boolean {
  return scope === "read-write" || ["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
}

/**
 * The annotations of a Web Annotation Protocol container (lib/protocol): those of one group on one
 * source, not deleted, that the actor reads (roots by `annotationReadWhere`, replies by
 * `replyReadWhere`), so others' private notes are never listed; or, with `groupId` null, the actor's
 * own personal notes (no group) on the source and their own replies to them. The caller checks first
 * that the actor belongs to the group. `all` lists them; `threads` and `replies` are its two halves,
 * counted apart (only replies need a look at their thread).
 */
export function protocolContainerWhere(
  actor: Actor,
  memberships: readonly MembershipRole[],
  groupId: string | null,
  sourceId: string,
) {
  const contained = {
    groupId,
    ...(groupId === null && { authorId: actor ? actor.userId : { in: [] as string[] } }),
    sourceId,
    deletedAt: null,
  };
  const threads = { parentId: null, ...annotationReadWhere(actor, memberships) };
  const replies = { parentId: { not: null }, ...replyReadWhere(actor, memberships) };
  return {
    all: { ...contained, OR: [threads, replies] },
    threads: { ...contained, ...threads },
    replies: { ...contained, ...replies },
  };
}
