/** A letter, a digit or a combining mark: what a word is made of, in any script. */
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/**
 * The range `start`–`end` of `text` (UTF-16 offsets, end exclusive) widened to whole words: a start
 * inside a word moves back to the word's first character, an end inside a word moves on past its
 * last, so "ezydent Mości" becomes "Prezydent Mościcki". A boundary between a word and a space or
 * punctuation mark stays where it is; an empty range is returned as it is. Pure: the caller checks
 * that the range lies within the text.
 */
export function widenToWords(text: string, start: number, end: number): { start: number; end: number } {
  if (start >= end) return { start, end };
  let from = start;
  while (from > 0 && isWordCharacter(text, from - 1) && isWordCharacter(text, from)) from -= 1;
  let to = end;
  while (to < text.length && isWordCharacter(text, to - 1) && isWordCharacter(text, to)) to += 1;
  return { start: from, end: to };
}

function isWordCharacter(text: string, index: number): boolean {
  return WORD_CHARACTER.test(text.charAt(index));
}
