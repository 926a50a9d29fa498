import { ANNOTATION_CONTEXT } from "./web-annotation.ts";

/**
 * The pieces of an AnnotationCollection document that an export writes around its items, so that
 * the items can be streamed one by one between them (pure; lib/export/stream-export.ts writes them).
 *
 * An export is one collection of one page, embedded as its `first` (and named as its `last`), its
 * items written as they are read; `total` comes last, once they are counted. A paged client reads
 * `first` and follows `next` (absent: this is the last page).
 */
export interface CollectionHead {
  /** The collection's IRI: the export's own URL. */
  id: string;
  label: string;
}

/** The IRI of a collection's page `number` (1-based). */
export function pageIri(collectionId: string, number: number): string {
  const url = new URL(collectionId);
  url.searchParams.set("page", String(number));
  return url.toString();
}

/** An AnnotationPage's own properties, without its items. */
export function annotationPage(options: {
  collectionId: string;
  number: number;
  startIndex: number;
  /** Whether a page follows this one. */
  hasNext: boolean;
}) {
  const { collectionId, number, startIndex, hasNext } = options;
  return {
    id: pageIri(collectionId, number),
    type: "AnnotationPage",
    partOf: collectionId,
    startIndex,
    ...(number > 1 ? { prev: pageIri(collectionId, number - 1) } : {}),
    ...(hasNext ? { next: pageIri(collectionId, number + 1) } : {}),
  };
}

/**
 * The text before the first item of a one-page collection document: the collection's properties
 * (`@context` first) and the opening of its first page, up to the `[` of its items.
 */
export function collectionOpening(head: CollectionHead): string {
  const opening = {
    "@context": ANNOTATION_CONTEXT,
    id: head.id,
    type: "AnnotationCollection",
    label: head.label,
    last: pageIri(head.id, 1),
  };
  const page = annotationPage({ collectionId: head.id, number: 1, startIndex: 0, hasNext: false });
  return `${JSON.stringify(opening).slice(0, -1)},"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
}

/** The text after the last item: the end of the page, then the collection's `total`. */
export function collectionClosing(total: number): string {
  return `]},"total":${total}}`;
}
