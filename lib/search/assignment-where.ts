import type { ReadingBounds } from "@/lib/assignments/progress";
import type { StoredReading } from "@/lib/assignments/reading-bounds";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import type { AssignmentScope } from "./find-assignment-scope.ts";

/**
 * Passages (sentences) within an assignment's readings, as a `where` on passages or translation
 * sentences given the source of each edition searched: the whole source, or its assigned sentences.
 */
export function readingSentencesWhere(readings: readonly StoredReading[], sourceId: string) {
  const ofSource = readings.filter((r) => r.sourceId === sourceId);
  if (ofSource.some((r) => r.firstSentence === null)) return {};
  return { OR: ofSource.map((r) => ({ number: { gte: r.firstSentence!, lte: r.lastSentence! } })) };
}

/**
 * A thread root's place within a reading: on its source, and (for assigned sentences) overlapping
 * them in its own edition. Overlap is counted as the assignments' progress counts it
 * (lib/assignments/progress.ts `readingOf`): a range that touches the sentences, or an empty one
 * that starts within them.
 */
function placeWhere(bounds: readonly ReadingBounds[]): Prisma.AnnotationWhereInput {
  return {
    OR: bounds.flatMap((reading): Prisma.AnnotationWhereInput[] => {
      if (reading.ranges === null) return [{ sourceId: reading.sourceId }];
      return [...reading.ranges].map(([editionId, { start, end }]) => ({
        editionId,
        OR: [
          { positionStart: { lt: end }, positionEnd: { gt: start } },
          { positionStart: { gte: start, lt: end } },
        ],
      }));
    }),
  };
}

/**
 * Notes of an assignment: in its group, on its readings (a reply by its thread's place). Narrows
 * what the policy lets the caller read; it never widens it.
 */
export function assignmentNotesWhere(scope: AssignmentScope): Prisma.AnnotationWhereInput {
  const place = placeWhere(scope.bounds);
  return {
    groupId: scope.groupId,
    OR: [
      { parentId: null, ...place },
      { parentId: { not: null }, parent: place },
    ],
  };
}
