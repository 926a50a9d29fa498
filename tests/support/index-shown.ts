import type { AnnotationSummary } from "@/lib/annotations/types";

/** What a reader sees of each thread of an index (without how it travelled: `shared` marks). */
export function threadsShown(annotations: readonly AnnotationSummary[]) {
  return annotations.map(
    ({ id, kind, authorId, mine, tags, anchor, deleted, hidden, helpful, featured }) => ({
      id,
      kind,
      authorId,
      mine,
      tags,
      anchor,
      deleted,
      hidden,
      helpful,
      featured,
    }),
  );
}
