import type { AnchorView } from "./types.ts";

/** Adds each anchored, live annotation to the counts of the sentences it touches. */
export function countSentences(
  anchors: Iterable<{ anchor: AnchorView; deleted: boolean }>,
): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { anchor, deleted } of anchors) {
    if (anchor.status !== "anchored" || deleted) continue;
    for (let n = anchor.firstSentence; n <= anchor.lastSentence; n++) counts[n] = (counts[n] ?? 0) + 1;
  }
  return counts;
}
