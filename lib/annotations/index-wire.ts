/**
 * The annotation index as it travels (`GET /api/sources/{slug}/annotations/index`): thousands of
 * summaries, so each is written compactly — the author as a place in `people`, the place in the
 * text as one array, and the flags, tags and range only when they say something — about 110 bytes a
 * thread instead of 260. Pure: the server packs, the reader unpacks into AnnotationSummary.
 */
import type { AnnotationIndexView, AnnotationKind, AnnotationSummary, PersonView } from "./types.ts";

export interface PackedSummary {
  id: string;
  kind: AnnotationKind;
  /** Place of the author in `people`. */
  author: number;
  /** [start, end, first sentence, last sentence] in the shown edition; absent: an orphan. */
  range?: [number, number, number, number];
  tags?: string[];
  mine?: true;
  deleted?: true;
  hidden?: true;
}

export interface PackedAnnotationIndex extends Omit<AnnotationIndexView, "annotations"> {
  annotations: PackedSummary[];
}

export function packIndex(index: AnnotationIndexView): PackedAnnotationIndex {
  const places = new Map(index.people.map((person, place) => [person.id, place]));
  const people: PersonView[] = [...index.people];
  const placeOf = (id: string) => {
    let place = places.get(id);
    if (place === undefined) {
      place = people.push({ id, name: "" }) - 1;
      places.set(id, place);
    }
    return place;
  };
  const annotations = index.annotations.map((summary): PackedSummary => {
    const packed: PackedSummary = {
      id: summary.id,
      kind: summary.kind,
      author: placeOf(summary.authorId),
    };
    const { anchor } = summary;
    if (anchor.status === "anchored") {
      packed.range = [anchor.start, anchor.end, anchor.firstSentence, anchor.lastSentence];
    }
    if (summary.tags.length > 0) packed.tags = summary.tags;
    if (summary.mine) packed.mine = true;
    if (summary.deleted) packed.deleted = true;
    if (summary.hidden) packed.hidden = true;
    return packed;
  });
  return { ...index, people, annotations };
}

const NO_TAGS: string[] = [];

export function unpackIndex(packed: PackedAnnotationIndex): AnnotationIndexView {
  const annotations = packed.annotations.map((summary): AnnotationSummary => ({
    id: summary.id,
    kind: summary.kind,
    authorId: packed.people[summary.author]?.id ?? "",
    mine: summary.mine === true,
    tags: summary.tags ?? NO_TAGS,
    anchor: summary.range
      ? {
          status: "anchored",
          start: summary.range[0],
          end: summary.range[1],
          firstSentence: summary.range[2],
          lastSentence: summary.range[3],
        }
      : { status: "orphan" },
    deleted: summary.deleted === true,
    hidden: summary.hidden === true,
  }));
  return { ...packed, annotations };
}
