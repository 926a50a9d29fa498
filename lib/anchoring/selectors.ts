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

/** How an annotation found its place: unchanged, the same quote elsewhere, a similar quote, or not at all. */
export type AnchorOutcome = "exact" | "moved" | "fuzzy" | "orphan";

/**
 * Why an annotation is an orphan: its quote is empty; nothing like it was found; its prefix and suffix
 * now meet with the quote gone from between them; two places fit about equally well; or the only
 * similar text stands in a context unlike the stored one.
 */
export type OrphanReason = "empty-quote" | "not-found" | "deleted" | "ambiguous" | "context-mismatch";

/**
 * Where an annotation points, or why it could not be placed: an orphan is a value, never thrown away.
 * `similarity` is that of the quote (1 − edits ÷ length); `confidence` (0 to 1) weighs the quote, its
 * context and the distance moved together, 1 for an unchanged place.
 */
export type Anchor =
  | {
      status: "anchored";
      outcome: "exact" | "moved" | "fuzzy";
      start: number;
      end: number;
      confidence: number;
      similarity: number;
    }
  | {
      status: "orphan";
      outcome: "orphan";
      start: null;
      end: null;
      confidence: 0;
      similarity: number;
      reason: OrphanReason;
    };

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
