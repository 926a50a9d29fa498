import { CONTEXT_LENGTH, isValidRange, type Selectors, type TextRange } from "./selectors.ts";

/**
 * Turns a range of `text` into the two selectors stored with an annotation: the quote with up to
 * CONTEXT_LENGTH characters of prefix and suffix, and the position. Throws a RangeError for an empty
 * or out-of-range range (a caller's mistake, not a reader's).
 */
export function describe(text: string, range: TextRange): Selectors {
  if (!isValidRange(text, range)) {
    throw new RangeError(
      `Cannot describe [${range.start}, ${range.end}) of a text of ${text.length} characters`,
    );
  }
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(range.start, range.end),
      prefix: text.slice(Math.max(0, range.start - CONTEXT_LENGTH), range.start),
      suffix: text.slice(range.end, range.end + CONTEXT_LENGTH),
    },
    position: { type: "TextPositionSelector", start: range.start, end: range.end },
  };
}
