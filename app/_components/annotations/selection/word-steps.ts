/**
 * Moves one edge of a selected range by one word, for readers who adjust a selection with the
 * keyboard. A word is a run of characters other than white space, so punctuation travels with the
 * word it touches (“Kutach,”). Pure: strings in, ranges out.
 */
import type { TextRange } from "@/lib/anchoring/selectors";

const SPACE = /\s/u;

function isSpace(text: string, index: number): boolean {
  return SPACE.test(text[index] ?? " ");
}

/** Whether a word begins at `index`. */
function isWordStart(text: string, index: number): boolean {
  return index < text.length && !isSpace(text, index) && (index === 0 || isSpace(text, index - 1));
}

/** Whether a word ends just before `index`. */
function isWordEnd(text: string, index: number): boolean {
  return index > 0 && !isSpace(text, index - 1) && (index === text.length || isSpace(text, index));
}

/**
 * The range with its `edge` moved to the previous (-1) or next (+1) word boundary: a start moves to
 * the beginning of a word, an end to the end of one. The range never becomes empty or only white
 * space and never leaves the text: a step that would do so leaves the range as it was. A range that
 * does not fit the text is first clamped to it.
 */
export function stepWord(
  text: string,
  range: TextRange,
  edge: "start" | "end",
  direction: -1 | 1,
): TextRange {
  const start = Math.min(Math.max(0, range.start), text.length);
  const end = Math.min(Math.max(start, range.end), text.length);
  if (edge === "start") {
    const limit = direction === 1 ? end : -1;
    for (let i = start + direction; direction === 1 ? i < limit : i > limit; i += direction) {
      if (isWordStart(text, i)) return { start: i, end };
    }
  } else {
    const limit = direction === 1 ? text.length + 1 : start;
    for (let i = end + direction; direction === 1 ? i < limit : i > limit; i += direction) {
      if (isWordEnd(text, i)) return { start, end: i };
    }
  }
  return { start, end };
}
