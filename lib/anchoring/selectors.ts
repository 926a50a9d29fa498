/**
 * W3C Web Annotation selectors over an edition's text. Offsets are UTF-16 code units (JavaScript
 * string indices), `end` exclusive, like everything else in Glossa. Pure: no DOM, no database.
 */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface TextRange {
  start: number;
  end: number;
}

export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** How an annotation found its place, or why it could not: an orphan is a value, never thrown away. */
export type Anchor =
  | {
      status: "anchored";
      start: number;
      end: number;
      method: "position" | "quote" | "fuzzy";
      similarity: number;
    }
  | { status: "orphan"; reason: "empty-quote" | "not-found" };

/** Characters of context kept on each side of a quote (the W3C model's prefix and suffix). */
export const CONTEXT_LENGTH = 32;

/** A range is valid for a text when it is a non-empty span of whole indices inside it. */
export function isValidRange(text: string, range: TextRange): boolean {
  return (
    Number.isInteger(range.start) &&
    Number.isInteger(range.end) &&
    range.start >= 0 &&
    range.start < range.end &&
    range.end <= text.length
  );
}
