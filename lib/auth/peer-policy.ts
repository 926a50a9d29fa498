import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import type { Actor, MembershipRole } from "./policy.ts";

/**
 * The policy's rules for what students see of their peers on an assignment's readings: anonymous to
 * peers (notes shown under pseudonyms) and reveal after posting or small groups (peers' notes
 * withheld). Part of the policy module: import it from `@/lib/auth/policy`, which re-exports it.
 */

/** A student's view of a group's anonymous assignments (`MembershipRole.anonymous`). */
export interface AnonymousScope {
  /** In the assignments' order (oldest first): a note on several takes the first one's pseudonym. */
  ranges: readonly AnonymousRange[];
  /** The group's instructors and teaching assistants, whose notes keep their names. */
  staffIds: ReadonlySet<string>;
}

/** One reading of an anonymous assignment: a whole source (`editions` null) or assigned offsets. */
export interface AnonymousRange {
  assignmentId: string;
  sourceId: string;
  editions: readonly { editionId: string; start: number; end: number }[] | null;
}

/** Where a note (or a reply, at its thread's passage) is, and who wrote it. */
export interface NotePlace {
  groupId: string | null;
  authorId: string;
  sourceId: string;
  editionId: string;
  start: number | null;
  end: number | null;
}

/**
 * Anonymous to peers, the one rule: the assignment under whose pseudonym the note's author is shown
 * to the actor, or null when their name is shown. A student (the only role given anonymous scopes)
 * sees another student's note (or a former member's) on an anonymous assignment's reading under a
 * pseudonym; their own, and the staff's, keep their names. "On a reading" is as progress counts it
 * (progress.ts `readingOf`): the passage overlaps the assigned sentences in its own edition, or
 * anywhere in a whole source.
 */
export function anonymousAssignmentOf(
  actor: Actor,
  memberships: readonly MembershipRole[],
  note: NotePlace,
): string | null {
  if (!actor || note.groupId === null || note.authorId === actor.userId) return null;
  const scope = memberships.find((m) => m.groupId === note.groupId)?.anonymous;
  if (!scope || scope.staffIds.has(note.authorId)) return null;
  const range = scope.ranges.find((r) => r.sourceId === note.sourceId && onRange(r, note));
  return range?.assignmentId ?? null;
}

/**
 * Anonymous to peers where no note is concerned (who reads a source now): the assignment under whose
 * pseudonym `personId` is shown to the actor on `sourceId` in `groupId` (the first anonymous one with
 * a reading there), or null when their name is shown: the actor themself, the staff, or no such
 * assignment.
 */
export function anonymousAssignmentOnSource(
  actor: Actor,
  memberships: readonly MembershipRole[],
  groupId: string,
  sourceId: string,
  personId: string,
): string | null {
  if (!actor || personId === actor.userId) return null;
  const scope = memberships.find((m) => m.groupId === groupId)?.anonymous;
  if (!scope || scope.staffIds.has(personId)) return null;
  return scope.ranges.find((range) => range.sourceId === sourceId)?.assignmentId ?? null;
}

/**
 * Anonymous to peers as a `where` clause: the notes and replies (at their thread's passage) whose
 * authors the actor is shown under pseudonyms (`anonymousAssignmentOf`'s rule); null when none are.
 * For filters by author: a classmate's pseudonymous notes must never be found by their user id.
 */
export function anonymousNotesWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return null;
  const clauses = memberships.flatMap((m) =>
    (m.anonymous?.ranges ?? []).map((range) => {
      const on = range.editions && {
        OR: range.editions.map((e) => ({
          editionId: e.editionId,
          positionStart: { lt: e.end },
          // With start < e.end, as `onRange` has it: end > e.start, or an empty passage at or after e.start.
          OR: [{ positionEnd: { gt: e.start } }, { positionStart: { gte: e.start } }],
        })),
      };
      return {
        groupId: m.groupId,
        sourceId: range.sourceId,
        authorId: { notIn: [actor.userId, ...m.anonymous!.staffIds] },
        ...(on && {
          OR: [
            { parentId: null, ...on },
            { parentId: { not: null }, parent: on },
          ],
        }),
      };
    }),
  );
  return clauses.length === 0 ? null : { OR: clauses };
}

/** Whether anyone on `sourceId` in `groupId` is shown to the member under a pseudonym. */
export function anonymousOnSource(
  memberships: readonly MembershipRole[],
  groupId: string | null | undefined,
  sourceId: string,
): boolean {
  const scope = memberships.find((m) => m.groupId === groupId)?.anonymous;
  return scope?.ranges.some((range) => range.sourceId === sourceId) ?? false;
}

/**
 * Whether the member is never sent the changes of the part of the index their tier shares (nor its
 * live changes) on `sourceId` in `groupId`: peers' notes there are withheld from them (reveal after
 * posting) or shown under pseudonyms (anonymous to peers), which that part knows nothing of.
 */
export function sharedChangesWithheldOn(
  memberships: readonly MembershipRole[],
  groupId: string | null | undefined,
  sourceId: string,
): boolean {
  return (
    withholdsOnSource(memberships, groupId, sourceId) || anonymousOnSource(memberships, groupId, sourceId)
  );
}

/**
 * Anonymous to peers for what a student writes: whether `place` is on a reading of an anonymous
 * assignment of its group for the member (a student: staff have no anonymous scope). There an
 * @mention of a classmate resolves to nobody: a student is never shown, nor names, a peer there.
 */
export function onAnonymousReading(
  memberships: readonly MembershipRole[],
  place: Omit<NotePlace, "authorId">,
) {
  const scope = memberships.find((m) => m.groupId === place.groupId)?.anonymous;
  return scope?.ranges.some((range) => range.sourceId === place.sourceId && onRange(range, place)) ?? false;
}

function onRange(range: AnonymousRange, note: Omit<NotePlace, "authorId">): boolean {
  if (range.editions === null) return true;
  const { start, end } = note;
  if (start === null || end === null) return false;
  return range.editions.some(
    (e) =>
      e.editionId === note.editionId &&
      start < e.end &&
      (end > e.start || (start === end && start >= e.start)),
  );
}

/**
 * A reading withheld from a student until they post there: a whole source (`editions` null) or, per
 * edition, the offsets [start, end) of the assigned sentences.
 */
export interface WithheldRange {
  sourceId: string;
  editions: readonly { editionId: string; start: number; end: number }[] | null;
  /** The staff's notes are shown from the start: only other students' are withheld. */
  staffNotesShown: boolean;
  /**
   * Small groups: the classmates whose notes stay visible (the student's discussion-group mates; none
   * for a student not yet placed). Absent: every peer's notes are withheld (reveal after posting).
   */
  visibleAuthorIds?: readonly string[];
}

const STAFF_ROLES: GroupRole[] = ["INSTRUCTOR", "TEACHING_ASSISTANT"];

/**
 * Reveal after posting: the thread roots of others withheld from the actor (`MembershipRole.withheld`),
 * as a `where` clause; null when nothing is. An annotation is in a withheld range as progress counts
 * it (progress.ts `readingOf`): its passage overlaps the assigned sentences in its own edition (one at
 * the range's start, empty or not, too), or anywhere in a whole source. Replies follow their roots
 * (`replyReadWhere`), so a withheld thread's replies are withheld too; the actor's own never are.
 * Small groups give ranges too, sparing the student's discussion-group mates (`visibleAuthorIds`) and
 * the staff: ranges add up, so a reading still locked by reveal withholds every peer whatever else.
 */
export function withheldPeerWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return null;
  const ranges = memberships.flatMap((m) =>
    (m.withheld ?? []).map((range) => ({
      groupId: m.groupId,
      sourceId: range.sourceId,
      authorId: { notIn: [actor.userId, ...(range.visibleAuthorIds ?? [])] },
      ...(range.editions && {
        OR: range.editions.map((e) => ({
          editionId: e.editionId,
          positionStart: { lt: e.end },
          OR: [{ positionEnd: { gt: e.start } }, { positionStart: { gte: e.start } }],
        })),
      }),
      ...(range.staffNotesShown && {
        NOT: { author: { memberships: { some: { groupId: m.groupId, role: { in: STAFF_ROLES } } } } },
      }),
    })),
  );
  return ranges.length === 0 ? null : { OR: ranges };
}

/** Whether anything on `sourceId` in `groupId` is withheld from the member (reveal after posting). */
export function withholdsOnSource(
  memberships: readonly MembershipRole[],
  groupId: string | null | undefined,
  sourceId: string,
): boolean {
  return memberships.some(
    (m) => m.groupId === groupId && (m.withheld ?? []).some((range) => range.sourceId === sourceId),
  );
}
