/**
 * Which annotations the side panel lists: the reader's filters (whose, which kind, tag, author), the
 * annotations the reader picked in the text, and orphans apart. Pure: lists in, lists out. They work
 * on the index's summaries, so filtering thousands of annotations needs none of their cards.
 */
import type { AnnotationSummary, PersonView } from "@/lib/annotations/types";
import type { PanelFocus } from "../reader-types";

export { threadCount } from "../data/thread-count";

/** all; mine: the caller's own; others: everyone else's; questions: questions by anyone. */
export const FILTER_SCOPES = ["all", "mine", "others", "questions"] as const;
export type FilterScope = (typeof FILTER_SCOPES)[number];

export interface AnnotationFilter {
  scope: FilterScope;
  /** Only annotations carrying this tag (exact), or any. */
  tag: string | null;
  /** Only annotations by this person (id), or anyone's. */
  authorId: string | null;
}

export const NO_FILTER: AnnotationFilter = { scope: "all", tag: null, authorId: null };

export function isFiltered(filter: AnnotationFilter): boolean {
  return filter.scope !== "all" || filter.tag !== null || filter.authorId !== null;
}

function inScope(annotation: AnnotationSummary, scope: FilterScope): boolean {
  switch (scope) {
    case "all":
      return true;
    case "mine":
      return annotation.mine;
    case "others":
      return !annotation.mine;
    case "questions":
      return annotation.kind === "question";
  }
}

function matchesTagAndAuthor(annotation: AnnotationSummary, filter: AnnotationFilter): boolean {
  return (
    (filter.tag === null || annotation.tags.includes(filter.tag)) &&
    (filter.authorId === null || annotation.authorId === filter.authorId)
  );
}

/** The annotations that pass every part of the filter, in the order given. */
export function filterAnnotations(
  annotations: AnnotationSummary[],
  filter: AnnotationFilter,
): AnnotationSummary[] {
  return annotations.filter((a) => inScope(a, filter.scope) && matchesTagAndAuthor(a, filter));
}

/**
 * How many annotations each scope would show with the current tag and author kept, so the counts
 * next to the scope choices say what choosing them would list.
 */
export function countByScope(
  annotations: AnnotationSummary[],
  filter: AnnotationFilter,
): Record<FilterScope, number> {
  const candidates = annotations.filter((a) => matchesTagAndAuthor(a, filter));
  return Object.fromEntries(
    FILTER_SCOPES.map((scope) => [scope, candidates.filter((a) => inScope(a, scope)).length]),
  ) as Record<FilterScope, number>;
}

/** Annotations that anchor in the shown edition, and orphans (their passage was not found in it). */
export function splitOrphans(annotations: AnnotationSummary[]): {
  anchored: AnnotationSummary[];
  orphans: AnnotationSummary[];
} {
  return {
    anchored: annotations.filter((a) => a.anchor.status === "anchored"),
    orphans: annotations.filter((a) => a.anchor.status === "orphan"),
  };
}

/**
 * The annotations the reader picked: the given ids (in list order), or those whose passage touches
 * the sentence. Null focus: all of them.
 */
export function focusAnnotations(annotations: AnnotationSummary[], focus: PanelFocus): AnnotationSummary[] {
  if (focus === null) return annotations;
  if (focus.kind === "annotations") {
    const ids = new Set(focus.ids);
    return annotations.filter((a) => ids.has(a.id));
  }
  return annotations.filter(
    (a) =>
      a.anchor.status === "anchored" &&
      a.anchor.firstSentence <= focus.sentence &&
      focus.sentence <= a.anchor.lastSentence,
  );
}

/** The tags used on the annotations with how often, alphabetically (as the locale sorts). */
export function tagsPresent(
  annotations: AnnotationSummary[],
  locale: string,
): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const annotation of annotations) {
    for (const tag of new Set(annotation.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => a.tag.localeCompare(b.tag, locale, { sensitivity: "base" }));
}

/** The authors of the annotations with how many each wrote, by name (as the locale sorts). */
export function authorsPresent(
  annotations: AnnotationSummary[],
  people: readonly PersonView[],
  locale: string,
): (PersonView & { count: number; mine: boolean })[] {
  const names = new Map(people.map((person) => [person.id, person.name]));
  const authors = new Map<string, PersonView & { count: number; mine: boolean }>();
  for (const { authorId, mine } of annotations) {
    const known = authors.get(authorId);
    if (known) known.count += 1;
    else authors.set(authorId, { id: authorId, name: names.get(authorId) ?? "", count: 1, mine });
  }
  return [...authors.values()].sort((a, b) => a.name.localeCompare(b.name, locale));
}

/**
 * What the panel shows once the reader has created an annotation: the filter and the focus picked in
 * the text are each kept only if the new annotation passes them, so it is listed (and can be focused)
 * at once. A focus on other highlights, or on a sentence the new passage does not touch, is dropped.
 */
export function viewAfterCreating(
  view: { filter: AnnotationFilter; focus: PanelFocus },
  created: AnnotationSummary,
): { filter: AnnotationFilter; focus: PanelFocus } {
  const focusKept = view.focus === null || focusAnnotations([created], view.focus).length > 0;
  return {
    filter: filterAnnotations([created], view.filter).length === 0 ? NO_FILTER : view.filter,
    focus: focusKept ? view.focus : null,
  };
}
