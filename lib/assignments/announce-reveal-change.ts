import "server-only";
import { db } from "@/lib/db";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";

/**
 * After an assignment with reveal after posting is created, changed, copied or deleted: what its
 * group's students may read on its sources changed though no annotation did, so their live readers
 * are told (a change of unknown authors: every reader opens what they read again, lib/annotations/
 * watch-annotations.ts) and fetch their index. Without reveal before or after: nothing to tell.
 */
export async function announceRevealChange(
  groupId: string,
  assignment: { revealAfterPosting: boolean; sourceIds: readonly string[] } | null,
  before: { revealAfterPosting: boolean; sourceIds: readonly string[] } | null = null,
): Promise<void> {
  if (!assignment?.revealAfterPosting && !before?.revealAfterPosting) return;
  const sourceIds = new Set([...(assignment?.sourceIds ?? []), ...(before?.sourceIds ?? [])]);
  await Promise.all([...sourceIds].map((sourceId) => announceAnnotationChange({ sourceId, groupId })));
}

/** An assignment's reveal option and sources, as announceRevealChange takes them. */
export async function revealOf(assignmentId: string) {
  const row = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: { revealAfterPosting: true, readings: { select: { sourceId: true } } },
  });
  return row
    ? { revealAfterPosting: row.revealAfterPosting, sourceIds: row.readings.map((r) => r.sourceId) }
    : null;
}
