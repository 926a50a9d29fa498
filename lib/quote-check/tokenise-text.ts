import type { NormalisedText } from "./normalise-text.ts";

/**
 * One unit the checker compares: a word (letters and digits, with inner hyphens or apostrophes, so
 * "Ribbentrop-Mołotow" is one word), one punctuation mark, or an ellipsis mark ("...", "[...]",
 * "(...)", typed with "…" or with dots).
 */
export interface Token {
  kind: "word" | "punctuation" | "ellipsis";
  /** The normalised text: compared for exactness (case-sensitive). */
  text: string;
  /** Lower-cased and without diacritics: compared for finding. Every ellipsis mark folds to "...". */
  folded: string;
  /** Lower-cased only: compared first for short quotations, so "sad" finds "sad" before "sąd". */
  lower: string;
  /** The range in the original text, end exclusive. */
  start: number;
  end: number;
  /** The range in the normalised text. */
  normalisedStart: number;
  normalisedEnd: number;
  /** Whether white space comes before the token, for display ("państw." vs "państw ."). */
  spaceBefore: boolean;
}

const TOKEN =
  /(\[ ?\.{2,} ?\]|\( ?\.{2,} ?\)|\.{3,}|\. \. \.)|([\p{L}\p{N}\p{M}]+(?:['-][\p{L}\p{N}\p{M}]+)*)|(\S)/gu;

/** Splits a normalised text into tokens, in order. Linear in the length of the text. */
export function tokeniseText(normalised: NormalisedText): Token[] {
  const tokens: Token[] = [];
  for (const found of normalised.text.matchAll(TOKEN)) {
    const normalisedStart = found.index;
    const normalisedEnd = normalisedStart + found[0].length;
    const kind = found[1] !== undefined ? "ellipsis" : found[2] !== undefined ? "word" : "punctuation";
    const folded = kind === "ellipsis" ? "..." : normalised.folded.slice(normalisedStart, normalisedEnd);
    tokens.push({
      kind,
      text: found[0],
      folded,
      lower: kind === "ellipsis" ? "..." : found[0].toLowerCase(),
      start: normalised.starts[normalisedStart]!,
      end: normalised.ends[normalisedEnd - 1]!,
      normalisedStart,
      normalisedEnd,
      spaceBefore: normalisedStart > 0 && normalised.text[normalisedStart - 1] === " ",
    });
  }
  return tokens;
}
