import { ANNOTATION_CONTEXT } from "./web-annotation.ts";

/**
 * The pieces of an AnnotationCollection document that an export writes around its items, so that
 * the items can be streamed one by one between them (pure; lib/export/stream-export.ts writes them).
 *
 * An export is one collection of one page, embedded as its `first` (and named as its `last`), its
 * items written as they are read; `total` comes last, once they are counted (JSON keeps no order
 * but the one the model asks for, `@context` first). A paged client reads `first` and follows
 * `next` (absent: this is the last page).
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
 * The text that opens a one-page collection document: the collection's own properties, `@context`
 * first, left open for its first page (if it holds any annotation) and its total.
 */
export function collectionOpening(head: CollectionHead): string {
  const opening = {
    "@context": ANNOTATION_CONTEXT,
    id: head.id,
    type: "AnnotationCollection",
    label: head.label,
  };
  return JSON.stringify(opening).slice(0, -1);
}

/**
 * The text before the first item, once there is one (a page MUST hold at least one annotation, so an
 * empty collection has none): its first page, embedded, up to the `[` of its items.
 */
export function firstPageOpening(head: CollectionHead): string {
  const page = annotationPage({ collectionId: head.id, number: 1, startIndex: 0, hasNext: false });
  return `,"first":${JSON.stringify(page).slice(0, -1)},"items":[`;
}

/** The text after the last item (`total` of them): the end of the page, `last`, then `total`. */
export function collectionClosing(head: CollectionHead, total: number): string {
  if (total === 0) return `,"total":0}`;
  return `]},"last":${JSON.stringify(pageIri(head.id, 1))},"total":${total}}`;
}
