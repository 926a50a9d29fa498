import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  markSegmentsBySentence,
  sameMarks,
  segmentKeysOf,
  segmentsBySentence,
  type HighlightRange,
  type SegmentedText,
  type PaintedText,
} from "@/app/_components/annotations/highlights/highlight-segments";

/** A sentence's runs written compactly: [start, end, "id id"], the ids looked up by the run's key. */
function compact(text: SegmentedText | PaintedText, sentence: number): [number, number, string][] {
  const ids = typeof text.ids === "function" ? text.ids() : text.ids;
  return text.runs.get(sentence)!.map((s) => [s.start, s.end, (ids.get(s.key) ?? []).join(" ")]);
}

const r = (id: string, start: number, end: number): HighlightRange => ({ id, start, end });

/** The runs of one sentence, numbered 0, from 10 to 20. */
const sentenceFrom10To20 = (ranges: HighlightRange[]) =>
  segmentsBySentence([{ number: 0, start: 10, end: 20 }], ranges);

describe("segmentsBySentence, one sentence", () => {
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
    const text = sentenceFrom10To20(ranges);
    expect(compact(text, 0)).toEqual(expected);
    const runs = text.runs.get(0)!;
    // Each run has its own key, `<sentence>:<index>`; only covered runs have ids, as many as their depth.
    expect(runs.map((s) => s.key)).toEqual(runs.map((_, i) => `0:${i}`));
    for (const segment of runs) expect(segment.depth).toBe(text.ids.get(segment.key)?.length ?? 0);
    expect(text.ids.size).toBe(runs.filter((s) => s.depth > 0).length);
  });
});

describe("segmentsBySentence", () => {
  it("gives each sentence its own runs, a range across a gap counting in both", () => {
    const sentences = [
      { number: 2, start: 10, end: 20 },
      { number: 1, start: 0, end: 9 },
    ];
    const bySentence = segmentsBySentence(sentences, [r("x", 5, 15), r("y", 1, 2)]);
    expect(compact(bySentence, 1)).toEqual([
      [0, 1, ""],
      [1, 2, "y"],
      [2, 5, ""],
      [5, 9, "x"],
    ]);
    expect(compact(bySentence, 2)).toEqual([
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
          const segments = bySentence.runs.get(sentence.number)!;
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
              expect([...(bySentence.ids.get(segment.key) ?? [])].sort()).toEqual(covering.sort());
            }
          }
        }

        // What the reader paints: the same runs and ids, of the sentences some range touches.
        const painted = markSegmentsBySentence(sentences, annotations);
        const touched = sentences.filter((s) => bySentence.runs.get(s.number)!.some((run) => run.depth > 0));
        expect([...painted.runs.keys()].sort()).toEqual(touched.map((s) => s.number).sort());
        for (const [number, runs] of painted.runs) expect(runs).toEqual(bySentence.runs.get(number));
        expect(painted.ids()).toEqual(bySentence.ids);
      }),
    );
  });
});

describe("painting", () => {
  const sentences = [
    { number: 1, start: 0, end: 10 },
    { number: 2, start: 10, end: 20 },
    { number: 3, start: 20, end: 30 },
  ];
  const ranges: HighlightRange[] = [
    { id: "q", start: 2, end: 6, question: true },
    { id: "own", start: 4, end: 12, mine: true },
    { id: "plain", start: 11, end: 14 },
  ];

  it("says which runs a question or the reader's own note covers", () => {
    const runs = segmentsBySentence(sentences, ranges).runs;
    const flags = (n: number) =>
      runs.get(n)!.map((s) => [s.start, s.end, s.question ? "question" : "", s.mine ? "mine" : ""]);
    expect(flags(1)).toEqual([
      [0, 2, "", ""],
      [2, 4, "question", ""],
      [4, 6, "question", "mine"],
      [6, 10, "", "mine"],
    ]);
    expect(flags(2)).toEqual([
      [10, 11, "", "mine"],
      [11, 12, "", "mine"],
      [12, 14, "", ""],
      [14, 20, "", ""],
    ]);
  });

  it("leaves out the sentences no range touches", () => {
    const painted = markSegmentsBySentence(sentences, ranges);
    expect([...painted.runs.keys()].sort()).toEqual([1, 2]);
    expect(compact(painted, 2)).toEqual([
      [10, 11, "own"],
      [11, 12, "own plain"],
      [12, 14, "plain"],
      [14, 20, ""],
    ]);
  });

  it("finds the runs (marks) that given annotations cover", () => {
    const painted = markSegmentsBySentence(sentences, ranges);
    const ids = painted.ids();
    // Worked out once, on the first call.
    expect(painted.ids()).toBe(ids);
    expect([...segmentKeysOf(ids, new Set(["plain"]))]).toEqual(["2:1", "2:2"]);
    expect([...segmentKeysOf(ids, new Set(["q", "gone"]))]).toEqual(["1:1", "1:2"]);
    expect(segmentKeysOf(ids, new Set(["gone"])).size).toBe(0);
    expect(segmentKeysOf(ids, new Set()).size).toBe(0);
  });

  it("repaints a sentence only when its runs change, not when other annotations come and go", () => {
    const before = markSegmentsBySentence(sentences, ranges).runs;
    const elsewhere = markSegmentsBySentence(sentences, [...ranges, r("later", 25, 28)]).runs;
    expect(sameMarks(before.get(1), elsewhere.get(1))).toBe(true);
    expect(sameMarks(before.get(3), elsewhere.get(3))).toBe(false);
    // The same range as "own", with its own id: same runs, one more layer of shade.
    const deeper = markSegmentsBySentence(sentences, [...ranges, r("twin", 4, 12)]).runs;
    expect(sameMarks(before.get(2), deeper.get(2))).toBe(false);
  });
});
