/** The heat map's counting: which sentences an annotation's passage touches, per edition. */
import { describe, expect, it } from "vitest";
import { countHeat, heatLevel, type HeatAnnotation, type HeatPassage } from "@/lib/assignments/heat-map";

// Two editions of the same three sentences at different offsets.
const PASSAGES: HeatPassage[] = [
  { editionId: "e1", number: 1, start: 0, end: 10 },
  { editionId: "e1", number: 2, start: 10, end: 20 },
  { editionId: "e1", number: 3, start: 20, end: 30 },
  { editionId: "e2", number: 1, start: 0, end: 12 },
  { editionId: "e2", number: 2, start: 12, end: 25 },
  { editionId: "e2", number: 3, start: 25, end: 40 },
];

const note = (editionId: string, start: number, end: number, question = false): HeatAnnotation => ({
  editionId,
  start,
  end,
  question,
});

describe("countHeat", () => {
  it.each<[string, HeatAnnotation[], [number, number, number][]]>([
    [
      "nothing posted",
      [],
      [
        [1, 0, 0],
        [2, 0, 0],
        [3, 0, 0],
      ],
    ],
    [
      "a note inside one sentence",
      [note("e1", 12, 15)],
      [
        [1, 0, 0],
        [2, 1, 0],
        [3, 0, 0],
      ],
    ],
    [
      "a question across two sentences counts in both",
      [note("e1", 5, 15, true)],
      [
        [1, 0, 1],
        [2, 0, 1],
        [3, 0, 0],
      ],
    ],
    [
      "ending exactly where a sentence starts: not in it",
      [note("e1", 2, 10)],
      [
        [1, 1, 0],
        [2, 0, 0],
        [3, 0, 0],
      ],
    ],
    [
      "an empty passage counts in the sentence it sits in",
      [note("e1", 20, 20)],
      [
        [1, 0, 0],
        [2, 0, 0],
        [3, 1, 0],
      ],
    ],
    [
      "each in its own edition's offsets",
      [note("e2", 11, 12), note("e1", 11, 12)],
      [
        [1, 1, 0],
        [2, 1, 0],
        [3, 0, 0],
      ],
    ],
    [
      "an unknown edition counts nowhere",
      [note("e9", 0, 5)],
      [
        [1, 0, 0],
        [2, 0, 0],
        [3, 0, 0],
      ],
    ],
  ])("%s", (_, annotations, expected) => {
    expect(countHeat([1, 2, 3], PASSAGES, annotations).map((s) => [s.number, s.notes, s.questions])).toEqual(
      expected,
    );
  });

  it("counts only the assigned sentences", () => {
    expect(countHeat([2], PASSAGES, [note("e1", 0, 30)])).toEqual([{ number: 2, notes: 1, questions: 0 }]);
  });
});

describe("heatLevel", () => {
  it.each([
    [0, 10, 0],
    [1, 10, 1],
    [5, 10, 2],
    [10, 10, 4],
    [3, 0, 0],
  ])("%i of the busiest %i → %i", (count, busiest, level) => {
    expect(heatLevel(count, busiest)).toBe(level);
  });
});
