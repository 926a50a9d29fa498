/**
 * The annotation index as it travels (`GET /api/sources/{slug}/annotations/index`): thousands of
 * summaries, so column by column rather than as objects — ids in one array, kinds in one string,
 * authors as places in `people`, four numbers per place in the text, flags as bits, tags only where
 * there are some — about 55 bytes a thread instead of 260, so less to compress, send and parse.
 * Pure: the server packs, the reader unpacks; the page's inline script
 * (app/_components/annotations/highlights/prepaint-script.ts) reads the columns itself, given RANGE_STRIDE, the
 * flags and the question's letter from here.
 */
import type {
  AnchorView,
  AnnotationIndexDelta,
  AnnotationIndexView,
  AnnotationKind,
  AnnotationSummary,
  PersonView,
} from "../types.ts";

/** One letter per kind in `kinds`. */
export const KIND_LETTERS: Readonly<Record<AnnotationKind, string>> = {
  highlight: "h",
  comment: "c",
  question: "q",
};
const KINDS_BY_LETTER: Record<string, AnnotationKind> = { h: "highlight", c: "comment", q: "question" };

/** Numbers per thread in `ranges`: start, end, first sentence, last sentence. */
export const RANGE_STRIDE = 4;

/** Bits of `flags`. */
export const MINE = 1;
export const DELETED = 2;
export const HIDDEN = 4;
/** From the part the reader's tier shares (AnnotationSummary.shared): what a delta brings up to date. */
export const SHARED = 8;
/** Highlighted by the group's staff (AnnotationSummary.featured). */
export const FEATURED = 16;

export interface PackedThreads {
  ids: string[];
  /** One letter per thread: h highlight, c comment, q question. */
  kinds: string;
  /** Place of each thread's author in `people`. */
  authors: number[];
  /** RANGE_STRIDE numbers per thread: start, end, first and last sentence in the shown edition; -1s: orphan. */
  ranges: number[];
  /** Per thread: MINE | DELETED | HIDDEN. */
  flags: number[];
  /** Tags of the threads that have some, by the thread's place. */
  tags: Record<number, string[]>;
  /** "Helpful" counts of the threads that have some, by the thread's place (absent: none anywhere). */
  helpful?: Record<number, number>;
}

export interface PackedAnnotationIndex extends Omit<AnnotationIndexView, "annotations"> {
  annotations: PackedThreads;
}

/**
 * Changes to the threads a reading tier shares, sent on the live connection (a `changes` event) to a
 * reader, with their own threads added or changed when theirs changed too (`ownCount`): applied to
 * the index they hold in state `from` (applySharedChanges) they give exactly the index of
 * `version`, without fetching it. Only threads added or changed travel; a change where a shared
 * thread is gone, or their own replies changed, is sent as a version alone.
 */
export interface SharedChanges {
  version: string;
  from: string;
  base: string;
  people: PersonView[];
  annotations: PackedThreads;
  /**
   * States the tier's part passed between `from` and `base` (the latest few), when known: an index
   * held in one of them (fetched while the class wrote, ahead of the events still on their way) is
   * brought to `base` by the same changes, since they only add or change threads.
   */
  via?: string[];
  /**
   * Present when the reader's own threads changed too (their new note): `annotations` then holds
   * those of theirs added or changed (marked as theirs), and after applying, the index holds this
   * many of theirs, else one of theirs is gone and the reader fetches (ownChangesBetween).
   */
  ownCount?: number;
}

/** A delta (AnnotationIndexDelta) as it travels: its threads packed as an index's are. */
export interface PackedAnnotationIndexDelta extends Omit<AnnotationIndexDelta, "annotations"> {
  annotations: PackedThreads;
}

type Packed<T extends Indexed> = Omit<T, "annotations"> & { annotations: PackedThreads };
type Indexed = Pick<AnnotationIndexView, "people" | "annotations">;

export function packIndex<T extends Indexed>(index: T): Packed<T> {
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
  const threads: PackedThreads = { ids: [], kinds: "", authors: [], ranges: [], flags: [], tags: {} };
  const kinds: string[] = [];
  index.annotations.forEach((summary, place) => {
    threads.ids.push(summary.id);
    kinds.push(KIND_LETTERS[summary.kind]);
    threads.authors.push(placeOf(summary.authorId));
    const { anchor } = summary;
    if (anchor.status === "anchored") {
      threads.ranges.push(anchor.start, anchor.end, anchor.firstSentence, anchor.lastSentence);
    } else {
      threads.ranges.push(-1, -1, -1, -1);
    }
    threads.flags.push(
      (summary.mine ? MINE : 0) |
        (summary.deleted ? DELETED : 0) |
        (summary.hidden ? HIDDEN : 0) |
        (summary.shared ? SHARED : 0) |
        (summary.featured ? FEATURED : 0),
    );
    if (summary.tags.length > 0) threads.tags[place] = summary.tags;
    if (summary.helpful) (threads.helpful ??= {})[place] = summary.helpful;
  });
  threads.kinds = kinds.join("");
  return { ...index, people, annotations: threads };
}

const NO_TAGS: string[] = [];
const ORPHAN: AnchorView = { status: "orphan" };

export function unpackIndex(packed: PackedAnnotationIndex): AnnotationIndexView;
export function unpackIndex(packed: PackedAnnotationIndexDelta): AnnotationIndexDelta;
export function unpackIndex(
  packed: PackedAnnotationIndex | PackedAnnotationIndexDelta,
): AnnotationIndexView | AnnotationIndexDelta {
  return { ...packed, annotations: unpackThreads(packed.annotations, packed.people) };
}

/** Packed threads as summaries, their authors' places looked up in `people`. */
export function unpackThreads(threads: PackedThreads, people: readonly PersonView[]): AnnotationSummary[] {
  const { ids, kinds, authors, ranges, flags, tags, helpful } = threads;
  return ids.map((id, place): AnnotationSummary => {
    const at = place * RANGE_STRIDE;
    const start = ranges[at]!;
    return {
      id,
      kind: KINDS_BY_LETTER[kinds[place]!] ?? "comment",
      authorId: people[authors[place]!]?.id ?? "",
      mine: (flags[place]! & MINE) !== 0,
      tags: tags[place] ?? NO_TAGS,
      anchor:
        start < 0
          ? ORPHAN
          : {
              status: "anchored",
              start,
              end: ranges[at + 1]!,
              firstSentence: ranges[at + 2]!,
              lastSentence: ranges[at + 3]!,
            },
      deleted: (flags[place]! & DELETED) !== 0,
      hidden: (flags[place]! & HIDDEN) !== 0,
      ...(helpful?.[place] && { helpful: helpful[place] }),
      ...((flags[place]! & FEATURED) !== 0 && { featured: true }),
      ...((flags[place]! & SHARED) !== 0 && { shared: true }),
    };
  });
}
