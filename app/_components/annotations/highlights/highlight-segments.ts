/**
 * Splits sentences into the pieces the reader paints: each piece is a run of characters covered by
 * the same set of annotations. Pure: no React, no DOM. Offsets are edition offsets (UTF-16, end
 * exclusive), like every range in Glossa.
 *
 * A run carries only what painting needs (its depth, whether a question or the reader's own note
 * covers it) and a short key; which annotations cover it is kept once, in a map by that key, rather
 * than on every mark: with thousands of overlapping annotations the lists would make megabytes of DOM.
 */

/** One annotation's place in the text, and (for painting) what kind of note it is. */
export interface HighlightRange {
  id: string;
  start: number;
  end: number;
  question?: boolean;
  mine?: boolean;
}

/** A sentence (passage) of the edition: its number and its range. */
export interface SentenceSpan {
  number: number;
  start: number;
  end: number;
}

/** `<sentence>:<index>`: a run's place among its sentence's runs, written on its mark as `data-segment`. */
export type SegmentKey = string;

/** A run of a sentence covered by the same annotations throughout (none: plain text, depth 0). */
export interface HighlightSegment {
  start: number;
  end: number;
  /** How many annotations cover the run. */
  depth: number;
  /** Its key in SegmentedText.ids. */
  key: SegmentKey;
  /** Some covering annotation is a question. */
  question: boolean;
  /** Some covering annotation is the reader's own. */
  mine: boolean;
}

/** For each run of depth > 0, by its key: the ids of the ranges covering it, in the order they start. */
export type SegmentIds = ReadonlyMap<SegmentKey, readonly string[]>;

/** Runs by sentence number, and the annotations covering each run by the run's key. */
export interface SegmentedText {
  runs: Map<number, HighlightSegment[]>;
  ids: SegmentIds;
}

/**
 * What the reader paints: the runs of the sentences some annotation touches, and the annotations
 * covering each run, worked out on the first call (a click on a highlight, a focus from the panel)
 * and kept: copying every run's ids is most of the sweep's work, and painting needs none of it.
 */
export interface PaintedText {
  runs: Map<number, HighlightSegment[]>;
  ids: () => SegmentIds;
}

interface Boundary {
  position: number;
  /** +1 where a range opens, -1 where it closes. */
  change: 1 | -1;
  range: number;
}

export function segmentKey(sentence: number, index: number): SegmentKey {
  return `${sentence}:${index}`;
}

/**
 * The runs of every sentence at once: for each sentence number, runs that tile the sentence's range
 * from start to end with no gap, each with the count (and, by key, the ids) of the ranges covering all
 * of it. Overlapping and nested ranges split where any of them begins or ends; a range crossing
 * sentences counts in each; empty or inverted ranges are ignored. One sweep over the ranges'
 * boundaries, sorted once, serves all sentences: O((r + s) log(r + s)) plus the size of the answer.
 * Sentences must not overlap (passages never do); they may come in any order.
 */
export function segmentsBySentence(
  sentences: readonly SentenceSpan[],
  ranges: readonly HighlightRange[],
): SegmentedText {
  return sweep(sentences, ranges, true);
}

/** segmentsBySentence, with the ids of each run only if `withIds` (else the map stays empty). */
function sweep(
  sentences: readonly SentenceSpan[],
  ranges: readonly HighlightRange[],
  withIds: boolean,
): SegmentedText {
  const boundaries: Boundary[] = [];
  ranges.forEach((range, index) => {
    if (!(range.start < range.end)) return;
    boundaries.push({ position: range.start, change: 1, range: index });
    boundaries.push({ position: range.end, change: -1, range: index });
  });
  // Ties in any order: every boundary at a position is applied before the next run is cut.
  boundaries.sort((a, b) => a.position - b.position || a.range - b.range);

  const ordered = [...sentences].sort((a, b) => a.start - b.start);
  // Insertion order = order of opening, so ids come out in the order their ranges start.
  const open = new Set<number>();
  let openQuestions = 0;
  let openMine = 0;
  const runs = new Map<number, HighlightSegment[]>();
  const ids = new Map<SegmentKey, readonly string[]>();
  let next = 0;
  const applyThrough = (position: number) => {
    while (next < boundaries.length && boundaries[next]!.position <= position) {
      const { change, range } = boundaries[next]!;
      if (change === 1) open.add(range);
      else open.delete(range);
      if (ranges[range]!.question) openQuestions += change;
      if (ranges[range]!.mine) openMine += change;
      next += 1;
    }
  };

  for (const sentence of ordered) {
    applyThrough(sentence.start);
    const segments: HighlightSegment[] = [];
    let from = sentence.start;
    while (from < sentence.end) {
      const upcoming = boundaries[next]?.position;
      const to = upcoming !== undefined && upcoming < sentence.end ? upcoming : sentence.end;
      const key = segmentKey(sentence.number, segments.length);
      if (withIds && open.size > 0) {
        ids.set(
          key,
          Array.from(open, (index) => ranges[index]!.id),
        );
      }
      segments.push({
        start: from,
        end: to,
        depth: open.size,
        key,
        question: openQuestions > 0,
        mine: openMine > 0,
      });
      from = to;
      if (from < sentence.end) applyThrough(from);
    }
    runs.set(sentence.number, segments);
  }
  return { runs, ids };
}

/**
 * The painted runs: as segmentsBySentence, but only of sentences that some range touches (a sentence
 * no range touches is left out: it stays plain text), and with the ids left for when they are asked
 * for (then one more sweep finds them all).
 */
export function markSegmentsBySentence(
  sentences: readonly SentenceSpan[],
  ranges: readonly HighlightRange[],
): PaintedText {
  const { runs } = sweep(sentences, ranges, false);
  for (const [sentence, segments] of runs) {
    if (!segments.some((segment) => segment.depth > 0)) runs.delete(sentence);
  }
  let ids: SegmentIds | null = null;
  return { runs, ids: () => (ids ??= sweep(sentences, ranges, true).ids) };
}

/**
 * The keys of the runs that some annotation in `annotationIds` covers: the marks to outline or flash.
 * One pass over the runs' id lists (each stops at its first match).
 */
export function segmentKeysOf(ids: SegmentIds, annotationIds: ReadonlySet<string>): Set<SegmentKey> {
  const keys = new Set<SegmentKey>();
  if (annotationIds.size === 0) return keys;
  for (const [key, covering] of ids) {
    if (covering.some((id) => annotationIds.has(id))) keys.add(key);
  }
  return keys;
}

/**
 * Whether two sentences' runs paint the same (so the sentence need not be drawn again). The ids are
 * not compared: marks do not carry them, the layer looks them up by key.
 */
export function sameMarks(
  a: readonly HighlightSegment[] | undefined,
  b: readonly HighlightSegment[] | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((run, i) => {
    const other = b[i]!;
    return (
      run.start === other.start &&
      run.end === other.end &&
      run.depth === other.depth &&
      run.key === other.key &&
      run.question === other.question &&
      run.mine === other.mine
    );
  });
}
