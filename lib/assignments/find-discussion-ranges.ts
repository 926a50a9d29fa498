import "server-only";
import type { WithheldRange } from "@/lib/auth/policy";
import type { RevealClient } from "./find-withheld-ranges.ts";
import {
  BOUNDARY_PASSAGE_SELECT,
  readingBounds,
  readingPassagesWhere,
  withheldEditions,
} from "./reading-bounds.ts";

/**
 * The ranges of every assignment with small groups that has opened (open, past due or closed: the
 * rule holds until the assignment is deleted) in the groups where `userId` is a student, by group:
 * each reading, withholding the notes of every classmate outside the student's discussion group
 * (`visibleAuthorIds`: their mates; none when they are not placed yet), the staff's never. They add
 * to reveal after posting's ranges (findWithheldRanges). Two queries at most, whatever the number of
 * assignments, students or notes.
 */
export async function findDiscussionRanges(
  client: RevealClient,
  userId: string,
  now = new Date(),
): Promise<Map<string, WithheldRange[]>> {
  const assignments = await client.assignment.findMany({
    where: {
      discussionGroupSize: { not: null },
      opensAt: { lte: now },
      group: { memberships: { some: { userId, role: "STUDENT" } } },
    },
    select: {
      groupId: true,
      readings: {
        orderBy: { position: "asc" },
        select: { sourceId: true, firstSentence: true, lastSentence: true },
      },
      discussionMembers: {
        where: { userId },
        select: { discussionGroup: { select: { members: { select: { userId: true } } } } },
      },
    },
  });
  const ranges = new Map<string, WithheldRange[]>();
  if (assignments.length === 0) return ranges;
  const passages = await client.passage.findMany({
    where: readingPassagesWhere(assignments.flatMap((a) => a.readings)),
    select: BOUNDARY_PASSAGE_SELECT,
  });
  for (const assignment of assignments) {
    const mates = (assignment.discussionMembers[0]?.discussionGroup.members ?? [])
      .map((m) => m.userId)
      .filter((id) => id !== userId);
    const list = ranges.get(assignment.groupId) ?? [];
    for (const bounds of readingBounds(assignment.readings, passages)) {
      list.push({
        sourceId: bounds.sourceId,
        editions: withheldEditions(bounds),
        staffNotesShown: true,
        visibleAuthorIds: mates.sort(),
      });
    }
    ranges.set(assignment.groupId, list);
  }
  return ranges;
}
