import "server-only";
import {
  anonymousAssignmentOf,
  anonymousAssignmentOnSource,
  type Actor,
  type MembershipRole,
  type NotePlace,
} from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { PersonView } from "@/lib/annotations/types";

/**
 * Anonymous to peers, as every path that names an author applies it: the person a note's (or
 * reply's) author is shown as to the reader. The rule is the policy's (`anonymousAssignmentOf`);
 * this gives the pseudonyms it asks for.
 */
export type PeerNames = (place: NotePlace, author: PersonView) => PersonView;

/** Names shown as they are: the reader is shown no pseudonym anywhere. */
export const REAL_NAMES: PeerNames = (_place, author) => author;

/**
 * The pseudonymous person for `number` on an assignment: an id opaque to its reader (never the user
 * id, not derived from it) and a name the reader's language renders from `pseudonym`.
 */
export function pseudonymousPerson(assignmentId: string, number: number): PersonView {
  return { id: `anon-${assignmentId}-${number}`, name: `Student ${number}`, pseudonym: number };
}

/**
 * How the actor is shown the authors of `places`: under pseudonyms where the policy says so, their
 * names elsewhere. The pseudonyms the places need are read, and those never given yet given (in the
 * order of `places`). No query when none is needed (staff, or nothing on an anonymous reading).
 */
export async function loadPeerNames(
  actor: Actor,
  memberships: readonly MembershipRole[],
  places: readonly NotePlace[],
): Promise<PeerNames> {
  if (!memberships.some((m) => m.anonymous)) return REAL_NAMES;
  const wanted = new Map<string, { assignmentId: string; userId: string }>();
  for (const place of places) {
    const assignmentId = anonymousAssignmentOf(actor, memberships, place);
    if (assignmentId)
      wanted.set(keyOf(assignmentId, place.authorId), { assignmentId, userId: place.authorId });
  }
  const numbers = wanted.size === 0 ? new Map<string, number>() : await givePseudonyms([...wanted.values()]);
  return (place, author) => {
    const assignmentId = anonymousAssignmentOf(actor, memberships, place);
    if (!assignmentId) return author;
    const number = numbers.get(keyOf(assignmentId, place.authorId));
    // A place not among those loaded is never named: an unnumbered pseudonym, never the name.
    return pseudonymousPerson(assignmentId, number ?? 0);
  };
}

/**
 * Who reads a source now (presence), as the actor is shown them: classmates under the pseudonym of
 * the first anonymous assignment with a reading on the source, the staff by name. No query when
 * nobody there is shown under a pseudonym.
 */
export async function presentAs(
  actor: Actor,
  memberships: readonly MembershipRole[],
  groupId: string,
  sourceId: string,
  people: readonly PersonView[],
): Promise<PersonView[]> {
  const assignmentOf = (person: PersonView) =>
    anonymousAssignmentOnSource(actor, memberships, groupId, sourceId, person.id);
  const pairs = people.flatMap((person) => {
    const assignmentId = assignmentOf(person);
    return assignmentId ? [{ assignmentId, userId: person.id }] : [];
  });
  if (pairs.length === 0) return [...people];
  const numbers = await givePseudonyms(pairs);
  return people.map((person) => {
    const assignmentId = assignmentOf(person);
    if (!assignmentId) return person;
    return pseudonymousPerson(assignmentId, numbers.get(keyOf(assignmentId, person.id)) ?? 0);
  });
}

/** The number `givePseudonyms` gave `userId` on `assignmentId`, if any. */
export function pseudonymOf(numbers: ReadonlyMap<string, number>, assignmentId: string, userId: string) {
  return numbers.get(keyOf(assignmentId, userId));
}

function keyOf(assignmentId: string, userId: string): string {
  return `${assignmentId}|${userId}`;
}

/**
 * The pseudonym numbers of these students on these assignments, by `assignmentId|userId`: read, and
 * for those without one yet, given under a lock on the assignment (its counter of numbers ever
 * given, so a number is never given twice, even after its student is deleted).
 */
export async function givePseudonyms(
  pairs: readonly { assignmentId: string; userId: string }[],
): Promise<Map<string, number>> {
  const numbers = new Map<string, number>();
  const rows = await db.assignmentPseudonym.findMany({
    where: {
      OR: byAssignment(pairs).map(([assignmentId, userIds]) => ({ assignmentId, userId: { in: userIds } })),
    },
    select: { assignmentId: true, userId: true, number: true },
  });
  for (const row of rows) numbers.set(keyOf(row.assignmentId, row.userId), row.number);
  const missing = pairs.filter((p) => !numbers.has(keyOf(p.assignmentId, p.userId)));
  for (const [assignmentId, userIds] of byAssignment(missing)) {
    const given = await db.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ pseudonymsGiven: number }[]>`
        SELECT "pseudonymsGiven" FROM "Assignment" WHERE id = ${assignmentId} FOR UPDATE`;
      if (locked.length === 0) return [];
      const existing = await tx.assignmentPseudonym.findMany({
        where: { assignmentId, userId: { in: userIds } },
        select: { userId: true, number: true },
      });
      const have = new Set(existing.map((row) => row.userId));
      const fresh = userIds
        .filter((userId) => !have.has(userId))
        .map((userId, i) => ({ assignmentId, userId, number: locked[0]!.pseudonymsGiven + i + 1 }));
      if (fresh.length > 0) {
        await tx.assignmentPseudonym.createMany({ data: fresh });
        await tx.assignment.update({
          where: { id: assignmentId },
          data: { pseudonymsGiven: { increment: fresh.length } },
        });
      }
      return [...existing, ...fresh];
    });
    for (const row of given) numbers.set(keyOf(assignmentId, row.userId), row.number);
  }
  return numbers;
}

function byAssignment(pairs: readonly { assignmentId: string; userId: string }[]): [string, string[]][] {
  const map = new Map<string, string[]>();
  for (const { assignmentId, userId } of pairs) {
    const list = map.get(assignmentId) ?? [];
    if (!list.includes(userId)) list.push(userId);
    map.set(assignmentId, list);
  }
  return [...map];
}
