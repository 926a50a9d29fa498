import type { AnnotationSummary } from "@/lib/annotations/types";

/**
 * How many threads the panel lists: orphans, hidden ones and deleted threads kept for their replies
 * (tombstones) included. A compare column's toggle says this number, so it agrees with the panel's
 * "All" count and its "Showing … of …" total. (Apart from filter-annotations.ts, which re-exports it,
 * so the layer does not load the panel's filters with the page.)
 */
export function threadCount(annotations: AnnotationSummary[]): number {
  return annotations.length;
}
