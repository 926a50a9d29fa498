import "server-only";
import { db } from "@/lib/db";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";

/** What of an assignment decides what its students may read of their peers on its sources. */
export interface WithholdingOptions {
  revealAfterPosting: boolean;
  /** Anonymous to peers: names of classmates shown as pseudonyms on the readings. */
  anonymousToPeers?: boolean;
  /** Small groups: the discussion groups' size; null or absent when the option is off. */
  discussionGroupSize?: number | null;
  sourceIds: readonly string[];
}

/**
 * After an assignment with reveal after posting or small groups is created, changed, copied or
 * deleted, or its discussion groups change: what its group's students may read on its sources
 * changed though no annotation did, so their live readers are told (a change of unknown authors:
 * every reader opens what they read again, lib/annotations/watch-annotations.ts) and fetch their
 * index. With neither option before or after: nothing to tell.
 */
export async function announceRevealChange(
  groupId: string,
  assignment: WithholdingOptions | null,
  before: WithholdingOptions | null = null,
): Promise<void> {
  if (!withholds(assignment) && !withholds(before)) return;
  const sourceIds = new Set([...(assignment?.sourceIds ?? []), ...(before?.sourceIds ?? [])]);
  await Promise.all([...sourceIds].map((sourceId) => announceAnnotationChange({ sourceId, groupId })));
}

function withholds(options: WithholdingOptions | null): boolean {
  return (
    options !== null &&
    (options.revealAfterPosting || options.anonymousToPeers === true || options.discussionGroupSize != null)
  );
}

/** An assignment's reveal and small-groups options and sources, as announceRevealChange takes them. */
export async function revealOf(assignmentId: string): Promise<WithholdingOptions | null> {
  const row = await db.assignment.findUnique({
    where: { id: assignmentId },
    select: {
      revealAfterPosting: true,
      anonymousToPeers: true,
      discussionGroupSize: true,
      readings: { select: { sourceId: true } },
    },
  });
  return row
    ? {
        revealAfterPosting: row.revealAfterPosting,
        anonymousToPeers: row.anonymousToPeers,
        discussionGroupSize: row.discussionGroupSize,
        sourceIds: row.readings.map((r) => r.sourceId),
      }
    : null;
}
