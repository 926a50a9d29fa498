import { describe, expect, it } from "vitest";
import { stepWord } from "@/app/_components/annotations/selection/word-steps";

//                 0         1         2         3
//                 0123456789012345678901234567890123456
const TEXT = "Miasta do których, wejdą bolszewicy.";

/** The range written as the text it covers, for readable failures. */
function covered(range: { start: number; end: number }): string {
  return TEXT.slice(range.start, range.end);
}

describe("stepWord", () => {
  it.each<{ from: string; start: number; end: number; edge: "start" | "end"; direction: -1 | 1; to: string }>(
    [
      // The end grows by the next word, punctuation included, and shrinks by the last one.
      { from: "do", start: 7, end: 9, edge: "end", direction: 1, to: "do których," },
      { from: "do których,", start: 7, end: 18, edge: "end", direction: 1, to: "do których, wejdą" },
      { from: "do których,", start: 7, end: 18, edge: "end", direction: -1, to: "do" },
      // The start grows by the previous word and shrinks by the first one.
      { from: "do których,", start: 7, end: 18, edge: "start", direction: -1, to: "Miasta do których," },
      { from: "do których,", start: 7, end: 18, edge: "start", direction: 1, to: "których," },
      // A range that starts or ends inside a word snaps to that word's edges first.
      { from: "asta do kt", start: 2, end: 12, edge: "start", direction: -1, to: "Miasta do kt" },
      { from: "asta do kt", start: 2, end: 12, edge: "start", direction: 1, to: "do kt" },
      { from: "asta do kt", start: 2, end: 12, edge: "end", direction: 1, to: "asta do których," },
      { from: "asta do kt", start: 2, end: 12, edge: "end", direction: -1, to: "asta do" },
      // Never empty: a one-word range cannot lose its word from either side.
      { from: "do", start: 7, end: 9, edge: "end", direction: -1, to: "do" },
      { from: "do", start: 7, end: 9, edge: "start", direction: 1, to: "do" },
      // Never past the text: at the first or last word nothing moves.
      { from: "Miasta", start: 0, end: 6, edge: "start", direction: -1, to: "Miasta" },
      { from: "bolszewicy.", start: 25, end: 36, edge: "end", direction: 1, to: "bolszewicy." },
      // A range made mostly of white space still ends on a word.
      { from: "do ", start: 7, end: 10, edge: "end", direction: -1, to: "do" },
    ],
  )("$edge $direction turns “$from” into “$to”", ({ from, start, end, edge, direction, to }) => {
    expect(covered({ start, end })).toBe(from);
    const moved = stepWord(TEXT, { start, end }, edge, direction);
    expect(covered(moved)).toBe(to);
    expect(moved.start).toBeLessThan(moved.end);
  });

  it("steps across white space of any kind, line breaks included", () => {
    const text = "jeden\n  dwa\ttrzy";
    expect(stepWord(text, { start: 0, end: 5 }, "end", 1)).toEqual({ start: 0, end: 11 });
    expect(stepWord(text, { start: 8, end: 11 }, "start", -1)).toEqual({ start: 0, end: 11 });
  });

  it("clamps a range that does not fit the text before stepping", () => {
    expect(stepWord("ab cd", { start: -4, end: 99 }, "end", -1)).toEqual({ start: 0, end: 2 });
  });
});
