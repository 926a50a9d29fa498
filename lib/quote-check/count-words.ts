import { normaliseText } from "./normalise-text.ts";
import { tokeniseText } from "./tokenise-text.ts";

/**
 * The number of words in a text, as the quote checker counts them: runs of letters and digits, with
 * inner hyphens or apostrophes ("Ribbentrop-Mołotow" is one word, and so is "Rydz- Śmigły", whose
 * stray space the checker closes up); punctuation, dashes and ellipsis marks are not words. The
 * library, the reader and the checker all count with it, so they never disagree.
 */
export function countWords(text: string): number {
  return tokeniseText(normaliseText(text)).filter((token) => token.kind === "word").length;
}
