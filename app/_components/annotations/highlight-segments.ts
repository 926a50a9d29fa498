/**
 * Splits sentences into the pieces the reader paints: each piece is a run of characters covered by
 * the same set of annotations. Pure: no React, no DOM. Offsets are edition offsets (UTF-16, end
 * exclusive), like every range in Glossa.
 */

/** One annotation's place in the text. */
export interface HighlightRange {
  id: string;
  start: number;
  end: number;
}

/** A sentence (passage) of the edition: its number and its range. */
export interface SentenceSpan {
  number: number;
  start: number;
  end: number;
}

/** A run of a sentence covered by exactly the annotations `ids` (none: plain text, depth 0). */
export interface HighlightSegment {
  start: number;
  end: number;
  /** The covering annotations, in the order of their ranges' starts. */
  ids: string[];
  /** How many annotations cover the run: `ids.length`. */
  depth: number;
}

interface Boundary {
  position: number;
  /** +1 where a range opens, -1 where it closes. */
  change: 1 | -1;
  range: number;
}

/**
 * The segments of every sentence at once: for each sentence number, runs that tile the sentence's
 * range from start to end with no gap, each with the ids and count of the ranges covering all of it.
 * Overlapping and nested ranges split where any of them begins or ends; a range crossing sentences
 * counts in each; empty or inverted ranges are ignored. One sweep over the ranges' boundaries,
 * sorted once, serves all sentences: O((r + s) log(r + s)) plus the size of the answer.
 * Sentences must not overlap (passages never do); they may come in any order.
 */
export function segmentsBySentence(
  sentences: readonly SentenceSpan[],
  ranges: readonly HighlightRange[],
): Map<number, HighlightSegment[]> {
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
  const result = new Map<number, HighlightSegment[]>();
  let next = 0;
  const applyThrough = (position: number) => {
    while (next < boundaries.length && boundaries[next]!.position <= position) {
      const boundary = boundaries[next]!;
      if (boundary.change === 1) open.add(boundary.range);
      else open.delete(boundary.range);
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
      const ids = Array.from(open, (index) => ranges[index]!.id);
      segments.push({ start: from, end: to, ids, depth: ids.length });
      from = to;
      if (from < sentence.end) applyThrough(from);
    }
    result.set(sentence.number, segments);
  }
  return result;
}

/** The segments of one range of text (a sentence): see segmentsBySentence. */
export function highlightSegments(
  sentence: { start: number; end: number },
  ranges: readonly HighlightRange[],
): HighlightSegment[] {
  return segmentsBySentence([{ number: 0, ...sentence }], ranges).get(0) ?? [];
}

/** A run as the reader paints it: a segment with its ids joined and what kinds of notes cover it. */
export interface MarkSegment {
  start: number;
  end: number;
  depth: number;
  /** The covering annotations' ids, space-separated (the `data-annotation-ids` value). */
  ids: string;
  /** Some covering annotation is a question. */
  question: boolean;
  /** Some covering annotation is the reader's own. */
  mine: boolean;
}

/** What painting needs to know of an annotation besides its range. */
export interface PaintedRange extends HighlightRange {
  question: boolean;
  mine: boolean;
}

/**
 * The painted runs of every sentence that some range touches (a sentence no range touches is left
 * out: it stays plain text).
 */
export function markSegmentsBySentence(
  sentences: readonly SentenceSpan[],
  ranges: readonly PaintedRange[],
): Map<number, MarkSegment[]> {
  const byId = new Map(ranges.map((range) => [range.id, range]));
  const marks = new Map<number, MarkSegment[]>();
  for (const [sentence, segments] of segmentsBySentence(sentences, ranges)) {
    if (!segments.some((segment) => segment.depth > 0)) continue;
    marks.set(
      sentence,
      segments.map(({ start, end, ids, depth }) => {
        const covering = ids.map((id) => byId.get(id));
        return {
          start,
          end,
          depth,
          ids: ids.join(" "),
          question: covering.some((range) => range?.question),
          mine: covering.some((range) => range?.mine),
        };
      }),
    );
  }
  return marks;
}

/** Whether two sentences' runs paint the same (so the sentence need not be drawn again). */
export function sameMarks(a: readonly MarkSegment[] | undefined, b: readonly MarkSegment[] | undefined) {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((run, i) => {
    const other = b[i]!;
    return (
      run.start === other.start &&
      run.end === other.end &&
      run.ids === other.ids &&
      run.question === other.question &&
      run.mine === other.mine
    );
  });
}
