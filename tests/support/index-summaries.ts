import type { AnnotationSummary } from "@/lib/annotations/types";

/** Readers and authors of the index tests. */
export const ANNA = { id: "u-anna", name: "Anna Nowak" };
export const BOLEK = { id: "u-bolek", name: "Bolesław Zieliński" };
export const CELINA = { id: "u-celina", name: "Celina Wójcik" };

/** An anchor on edition offsets [start, end) in sentences firstSentence..lastSentence. */
export function at(start: number, end: number, firstSentence: number, lastSentence = firstSentence) {
  return { status: "anchored" as const, start, end, firstSentence, lastSentence };
}

/** A thread as an index lists it: Bolek's shared comment on [10, 20) unless `overrides` say otherwise. */
export function summary(id: string, overrides: Partial<AnnotationSummary> = {}): AnnotationSummary {
  return {
    id,
    kind: "comment",
    authorId: BOLEK.id,
    mine: false,
    tags: [],
    anchor: at(10, 20, 1),
    deleted: false,
    hidden: false,
    shared: true,
    ...overrides,
  };
}
