import "server-only";
import { assignmentWhere, type Actor } from "@/lib/auth/policy";
import type { ReadingBounds } from "@/lib/assignments/progress";
import {
  BOUNDARY_PASSAGE_SELECT,
  readingBounds,
  readingPassagesWhere,
  type StoredReading,
} from "@/lib/assignments/reading-bounds";
import { dbReads } from "@/lib/db";

/** What an assignment filter narrows a search to: its group and its readings. */
export interface AssignmentScope {
  groupId: string;
  /** The readings as stored: a source and its assigned sentences (null: the whole source). */
  readings: StoredReading[];
  /** The same readings as offsets in every edition of their sources (for notes on older editions). */
  bounds: ReadingBounds[];
}

/**
 * The scope of the assignment `assignmentId` for the search filter, if the actor may read it (a
 * member of its group, "assignment.read"); null otherwise, the same for an assignment that does not
 * exist as for one of another group, so the filter reveals nothing (the search then finds nothing,
 * as with any other filter that matches nothing).
 */
export async function findAssignmentScope(
  actor: Actor,
  assignmentId: string,
): Promise<AssignmentScope | null> {
  const assignment = await dbReads.assignment.findFirst({
    where: { id: assignmentId, ...assignmentWhere(actor, "assignment.read") },
    select: {
      groupId: true,
      readings: {
        orderBy: { position: "asc" },
        select: { sourceId: true, firstSentence: true, lastSentence: true },
      },
    },
  });
  if (!assignment) return null;
  const passages = assignment.readings.some((r) => r.firstSentence !== null)
    ? await dbReads.passage.findMany({
        where: readingPassagesWhere(assignment.readings),
        select: BOUNDARY_PASSAGE_SELECT,
      })
    : [];
  return {
    groupId: assignment.groupId,
    readings: assignment.readings,
    bounds: readingBounds(assignment.readings, passages),
  };
}
