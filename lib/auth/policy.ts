import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";

/**
 * Who may do what: the one place that decides. Every page, server action and route handler asks it,
 * and services put `groupWhere(...)` / `membershipWhere(...)` into their queries, so a row the caller
 * may not touch is never read in the first place.
 *
 * Actions on a group, and the roles allowed each. Anonymous callers may do none of them.
 */
export const GROUP_ACTIONS = {
  /** See the group: its name, members and roles. */
  "group.read": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  /** Rename it, change its description or term. */
  "group.update": ["INSTRUCTOR"],
  /** See and make invite links and the join code; invite students. */
  "group.invite": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  /** Invite someone straight into a staff role, revoke links, make a new join code. */
  "group.manageInvites": ["INSTRUCTOR"],
  "group.changeRole": ["INSTRUCTOR"],
  "group.removeMember": ["INSTRUCTOR"],
  "group.leave": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  /** Later features, decided here too. */
  "annotation.create": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  "annotation.moderate": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  "assignment.manage": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  "group.export": ["INSTRUCTOR"],
} as const satisfies Record<string, readonly GroupRole[]>;

export type GroupAction = keyof typeof GROUP_ACTIONS;

/** The caller: a signed-in user's id, or null for an anonymous reader. */
export type Actor = { userId: string } | null;

/** Whether a member with `role` (null: not a member) may perform `action` on the group. */
export function canInGroup(role: GroupRole | null | undefined, action: GroupAction): boolean {
  return role != null && (GROUP_ACTIONS[action] as readonly GroupRole[]).includes(role);
}

/** Roles an inviter with `role` may hand out: instructors any, teaching assistants students only. */
export function invitableRoles(role: GroupRole | null | undefined): GroupRole[] {
  if (canInGroup(role, "group.manageInvites")) return ["STUDENT", "TEACHING_ASSISTANT", "INSTRUCTOR"];
  if (canInGroup(role, "group.invite")) return ["STUDENT"];
  return [];
}

/**
 * The `where` clause that limits groups to those in which `actor` may perform `action`:
 * `{ id, ...groupWhere(actor, "group.read") }` finds the group only for its members. An anonymous
 * actor matches nothing.
 */
export function groupWhere(actor: Actor, action: GroupAction) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    memberships: { some: { userId: actor.userId, role: { in: [...GROUP_ACTIONS[action]] } } },
  };
}

/** A group the actor belongs to, with their role there (read from the database for each request). */
export interface MembershipRole {
  groupId: string;
  role: GroupRole;
}

type Visibility = "PRIVATE" | "INSTRUCTORS" | "GROUP";

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
 * Private annotations of others never match, not even for instructors. Anonymous: nothing.
 */
export function annotationReadWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  const visibleToGroup: Visibility[] = ["GROUP"];
  const visibleToStaff: Visibility[] = ["GROUP", "INSTRUCTORS"];
  return {
    OR: [
      { authorId: actor.userId },
      {
        groupId: { in: groupsAllowing(memberships, "group.read") },
        visibility: { in: visibleToGroup },
        hiddenAt: null,
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
 * Which replies an actor reads: those in threads whose root they read, except hidden replies, which
 * only their author and the group's moderators see. `replyHiddenWhere` is the second half alone, for
 * a query that already limits replies to threads whose roots were read with `annotationReadWhere`.
 */
export function replyReadWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  return { parent: annotationReadWhere(actor, memberships), ...replyHiddenWhere(actor, memberships) };
}

export function replyHiddenWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    OR: [
      { hiddenAt: null },
      { authorId: actor.userId },
      { groupId: { in: groupsAllowing(memberships, "annotation.moderate") } },
    ],
  };
}

/** What the actor may do with an annotation or reply they can read (`role`: theirs in its group). */
export function annotationPermissions(
  actor: Actor,
  role: GroupRole | null,
  annotation: { authorId: string; groupId: string | null; visibility: Visibility; deleted: boolean },
): { edit: boolean; delete: boolean; reply: boolean; moderate: boolean } {
  const mine = actor !== null && actor.userId === annotation.authorId;
  const live = !annotation.deleted;
  const inGroup = annotation.groupId !== null;
  return {
    edit: mine && live,
    delete: mine && live,
    reply: live && (inGroup ? canInGroup(role, "annotation.create") : mine),
    moderate:
      live && inGroup && annotation.visibility !== "PRIVATE" && canInGroup(role, "annotation.moderate"),
  };
}
