/** Values the quote checker takes and returns. Plain data, safe to pass from server to client. */

/** A sentence of a source: its number (as cited) and its range in the source's text, end exclusive. */
export interface QuoteCheckPassage {
  number: number;
  start: number;
  end: number;
}

/** One source of the corpus the quotation is looked for in. */
export interface QuoteCheckSource {
  slug: string;
  text: string;
  passages: QuoteCheckPassage[];
}

export interface QuoteCheckOptions {
  /** The least similarity (0–1) of a near match; below it the result is "not-found". Default 0.6. */
  minSimilarity?: number;
  /** The longest quotation checked, in characters once normalised. Default 2,000. */
  maxLength?: number;
}

/** A place in a source where the quotation is, or nearly is. */
export interface QuoteMatch {
  slug: string;
  /** The range in the source's original text, end exclusive: `text === source.text.slice(start, end)`. */
  start: number;
  end: number;
  /** The numbers of the passages (sentences) where the match starts and ends; null without passages. */
  firstSentence: number | null;
  lastSentence: number | null;
  /** The source's exact text there. */
  text: string;
  /**
   * 1 − edits ÷ length, in characters, ignoring white space and the text an ellipsis mark stands for;
   * text left out without an ellipsis mark counts half (see OMISSION_WEIGHT). Rounded to three
   * decimals; 1 for an exact match.
   */
  similarity: number;
}

/** A letter the quotation writes without (or with other) diacritics than the source: "S" for "Ś". */
export interface DiacriticChange {
  quoted: string;
  source: string;
}

/**
 * How the quotation departs from the source, in reading order. Texts are as typed (the student's
 * quotation or the source), with runs of white space as one space.
 * - changed: the quotation has `quoted` where the source has `source` (including a change of case or
 *   diacritics only: "pakt" for "Pakt");
 * - missing: punctuation in the source that the quotation leaves out;
 * - added: words or punctuation in the quotation that the source does not have;
 * - missing-ellipsis: words of the source left out inside the quotation without an ellipsis mark.
 */
export type QuoteDifference =
  | {
      kind: "changed";
      quoted: string;
      source: string;
      /** When the words differ in diacritics (and perhaps case) only: each letter that differs, once. */
      diacritics?: DiacriticChange[];
    }
  | { kind: "missing"; source: string }
  | { kind: "added"; quoted: string }
  | { kind: "missing-ellipsis"; source: string };

/**
 * One token of the quotation aligned with the source, for display. `text` is what to show: the
 * quotation's text, or the source's for "missing". `source` is the source's text for "changed" and
 * "elided" (the words the quotation's ellipsis mark stands for; empty if it stands for nothing).
 * `spaceBefore` says whether to put a space before it, so punctuation stays attached.
 */
export interface AlignedToken {
  text: string;
  status: "same" | "changed" | "missing" | "added" | "elided";
  source?: string;
  spaceBefore: boolean;
}

export type QuoteCheckResult =
  | { status: "empty" }
  | { status: "too-long"; length: number; maxLength: number }
  /** Verbatim (after normalisation): the first occurrence in corpus order, and all of them. */
  | { status: "exact"; match: QuoteMatch; count: number; occurrences: QuoteMatch[] }
  /** Every part between the ellipsis marks verbatim, in order, in one source and a few sentences. */
  | {
      status: "exact-with-ellipsis";
      match: QuoteMatch;
      /** The range of each part in the source's text. */
      parts: { start: number; end: number }[];
      tokens: AlignedToken[];
    }
  /** Nearly: the differences from the best match; `candidates` are the best places, best first. */
  | {
      status: "near";
      match: QuoteMatch;
      differences: QuoteDifference[];
      tokens: AlignedToken[];
      candidates: QuoteMatch[];
    }
  /** Nothing similar enough: the closest places anyway, best first (none for a short quotation). */
  | { status: "not-found"; candidates: QuoteMatch[] };
