import { foldedWords } from "./fold-text.ts";

/** The longest query accepted, in characters: longer is refused with a message, never cut silently. */
export const MAX_QUERY_LENGTH = 200;
/** Terms beyond this many are ignored: each is one more LIKE on every row, and 8 say enough. */
export const MAX_TERMS = 8;

/**
 * A word matches any word that starts with its `prefix` (inflection aside); a phrase (written in
 * quotation marks) matches its words, whole and in order.
 */
export type SearchTerm = { kind: "word"; word: string; prefix: string } | { kind: "phrase"; words: string[] };

/**
 * Polish (and English) inflectional endings, folded, longest first: a query word loses one of them
 * so that "dyrektywa" finds "dyrektywę" and "Grzybowski" "Grzybowskiemu" (prefix matching on the
 * rest). No stemmer: none for Polish is well kept on npm (see README, Search).
 */
const ENDINGS = [
  "iego",
  "iemu",
  "owie",
  "ami",
  "ach",
  "ego",
  "emu",
  "ich",
  "imi",
  "iej",
  "ych",
  "ymi",
  "om",
  "ow",
  "em",
  "ie",
  "ej",
  "mi",
  "es",
  "a",
  "e",
  "i",
  "o",
  "u",
  "y",
  "s",
];
/** A word keeps at least this many letters, so that short words are not cut down to noise. */
const MIN_PREFIX = 4;

/** The start a word's inflected forms share: `word` without its ending, if enough is left. */
export function inflectionPrefix(word: string): string {
  const ending = ENDINGS.find((e) => word.endsWith(e) && word.length - e.length >= MIN_PREFIX);
  return ending ? word.slice(0, -ending.length) : word;
}

/** Quotation marks that open or close a phrase: straight, typographic, Polish and guillemets. */
const QUOTE = /["“”„«»]/u;

/**
 * The terms of a query, folded: quoted phrases ("Rydz Śmigły") and single words, at most MAX_TERMS,
 * without repeats. A quotation mark left open runs to the end. A phrase of one word is a whole-word
 * match of it. Punctuation alone gives no terms.
 */
export function parseSearchQuery(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (term: SearchTerm) => {
    const key = term.kind === "word" ? `w:${term.word}` : `p:${term.words.join(" ")}`;
    if (!seen.has(key) && terms.length < MAX_TERMS) terms.push(term);
    seen.add(key);
  };
  query.split(QUOTE).forEach((part, index) => {
    const words = foldedWords(part);
    if (words.length === 0) return;
    // Odd parts lie between quotation marks.
    if (index % 2 === 1) add({ kind: "phrase", words });
    else for (const word of words) add({ kind: "word", word, prefix: inflectionPrefix(word) });
  });
  return terms;
}

/** Whether a folded word of a text matches a word term. */
export function matchesWord(term: { prefix: string }, foldedWord: string): boolean {
  return foldedWord.startsWith(term.prefix);
}
