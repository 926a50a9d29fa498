import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  highlightSegments,
  segmentsBySentence,
  type HighlightRange,
  type HighlightSegment,
} from "@/app/_components/annotations/highlight-segments";

/** Segments written compactly: [start, end, "id id"] (depth is the number of ids). */
function compact(segments: HighlightSegment[]): [number, number, string][] {
  return segments.map((s) => [s.start, s.end, s.ids.join(" ")]);
}

const r = (id: string, start: number, end: number): HighlightRange => ({ id, start, end });

describe("highlightSegments", () => {
  it.each<{ name: string; ranges: HighlightRange[]; expected: [number, number, string][] }>([
    { name: "no annotations: one plain run", ranges: [], expected: [[10, 20, ""]] },
    {
      name: "one range inside",
      ranges: [r("a", 12, 15)],
      expected: [
        [10, 12, ""],
        [12, 15, "a"],
        [15, 20, ""],
      ],
    },
    {
      name: "two overlapping ranges",
      ranges: [r("a", 11, 15), r("b", 13, 18)],
      expected: [
        [10, 11, ""],
        [11, 13, "a"],
        [13, 15, "a b"],
        [15, 18, "b"],
        [18, 20, ""],
      ],
    },
    {
      name: "a range nested in another",
      ranges: [r("outer", 10, 20), r("inner", 14, 16)],
      expected: [
        [10, 14, "outer"],
        [14, 16, "outer inner"],
        [16, 20, "outer"],
      ],
    },
    {
      name: "the same range twice",
      ranges: [r("a", 12, 14), r("b", 12, 14)],
      expected: [
        [10, 12, ""],
        [12, 14, "a b"],
        [14, 20, ""],
      ],
    },
    {
      name: "ranges that touch without overlapping",
      ranges: [r("a", 10, 13), r("b", 13, 16)],
      expected: [
        [10, 13, "a"],
        [13, 16, "b"],
        [16, 20, ""],
      ],
    },
    {
      name: "ranges reaching outside the sentence are clipped to it",
      ranges: [r("before", 2, 12), r("after", 18, 40), r("across", 0, 99)],
      expected: [
        [10, 12, "across before"],
        [12, 18, "across"],
        [18, 20, "across after"],
      ],
    },
    {
      name: "ranges wholly outside, empty or inverted are ignored",
      ranges: [r("left", 0, 10), r("right", 20, 25), r("empty", 15, 15), r("inverted", 16, 12)],
      expected: [[10, 20, ""]],
    },
  ])("$name", ({ ranges, expected }) => {
    const segments = highlightSegments({ start: 10, end: 20 }, ranges);
    expect(compact(segments)).toEqual(expected);
    for (const segment of segments) expect(segment.depth).toBe(segment.ids.length);
  });
});

describe("segmentsBySentence", () => {
  it("gives each sentence its own runs, a range across a gap counting in both", () => {
    const sentences = [
      { number: 2, start: 10, end: 20 },
      { number: 1, start: 0, end: 9 },
    ];
    const bySentence = segmentsBySentence(sentences, [r("x", 5, 15), r("y", 1, 2)]);
    expect(compact(bySentence.get(1)!)).toEqual([
      [0, 1, ""],
      [1, 2, "y"],
      [2, 5, ""],
      [5, 9, "x"],
    ]);
    expect(compact(bySentence.get(2)!)).toEqual([
      [10, 15, "x"],
      [15, 20, ""],
    ]);
  });

  it("paints each character as deep as the number of ranges covering it (property)", () => {
    const textLength = 60;
    const sentenceCuts = fc.uniqueArray(fc.integer({ min: 1, max: textLength - 1 }), { maxLength: 6 });
    const ranges = fc.array(
      fc.tuple(fc.integer({ min: 0, max: textLength }), fc.integer({ min: 0, max: textLength })),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(sentenceCuts, ranges, (cuts, pairs) => {
        // Sentences tile [0, textLength) except for a one-character gap after each cut.
        const edges = [0, ...[...cuts].sort((a, b) => a - b), textLength];
        const sentences = edges
          .slice(0, -1)
          .map((start, i) => ({ number: i + 1, start: i === 0 ? start : start + 1, end: edges[i + 1]! }))
          .filter((s) => s.start < s.end);
        const annotations = pairs.map(([start, end], i) => r(`a${i}`, start, end));
        const bySentence = segmentsBySentence(sentences, annotations);

        for (const sentence of sentences) {
          const segments = bySentence.get(sentence.number)!;
          // The runs tile the sentence, in order, without gaps or empty runs.
          expect(segments[0]!.start).toBe(sentence.start);
          expect(segments.at(-1)!.end).toBe(sentence.end);
          segments.forEach((segment, i) => {
            expect(segment.start).toBeLessThan(segment.end);
            if (i > 0) expect(segment.start).toBe(segments[i - 1]!.end);
          });
          for (const segment of segments) {
            for (let at = segment.start; at < segment.end; at++) {
              const covering = annotations.filter((a) => a.start <= at && at < a.end).map((a) => a.id);
              expect(segment.depth).toBe(covering.length);
              expect([...segment.ids].sort()).toEqual(covering.sort());
            }
          }
        }
      }),
    );
  });
});
