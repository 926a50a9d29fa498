import type { AnnotationSummary } from "./types.ts";

/**
 * The panel's order: the notes the group's staff highlighted first, then the rest, each part in
 * the order given (text order). Pure and stable, one pass: a list of thousands with no highlight is
 * returned as it is.
 */
export function listedFirst<T extends Pick<AnnotationSummary, "featured">>(annotations: T[]): T[] {
  const featured: T[] = [];
  const rest: T[] = [];
  for (const annotation of annotations) (annotation.featured ? featured : rest).push(annotation);
  return featured.length === 0 ? annotations : [...featured, ...rest];
}
