import { foldedWords } from "./fold-text.ts";
import { matchesWord, type SearchTerm } from "./parse-search-query.ts";

/** A highlighted range of a text: UTF-16 offsets, end exclusive. */
export interface Highlight {
  start: number;
  end: number;
}

/**
 * A short excerpt of a result's text around what matched, with the matches as offsets into the
 * excerpt (never markup: whoever shows it escapes the text and wraps the ranges in <mark>). "…"
 * stands where the text was cut.
 */
export interface Snippet {
  text: string;
  highlights: Highlight[];
}

/** Longest excerpt shown, in characters: about two lines of a result. */
export const SNIPPET_LENGTH = 180;
/** Where the first match sits in a cut excerpt: a little context before it, more after. */
const LEAD_FRACTION = 0.3;
const ELLIPSIS = "…";

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

interface FoldedWord extends Highlight {
  folded: string;
}

function wordsOf(text: string): FoldedWord[] {
  const words: FoldedWord[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    const end = start + match[0].length;
    for (const folded of foldedWords(match[0])) words.push({ folded, start, end });
  }
  return words;
}

/**
 * Where the terms match in `text`, as the database matches them (lib/search/fold-text.ts): a word
 * term marks each word that starts with its prefix, a phrase each run of its words in order.
 * Overlapping ranges are merged; the result is in text order.
 */
export function findHighlights(text: string, terms: readonly SearchTerm[]): Highlight[] {
  const words = wordsOf(text);
  const found: Highlight[] = [];
  for (const term of terms) {
    if (term.kind === "word") {
      for (const word of words) if (matchesWord(term, word.folded)) found.push(word);
      continue;
    }
    for (let i = 0; i + term.words.length <= words.length; i += 1) {
      if (term.words.every((w, k) => words[i + k]!.folded === w)) {
        found.push({ start: words[i]!.start, end: words[i + term.words.length - 1]!.end });
      }
    }
  }
  return mergeHighlights(found);
}

function mergeHighlights(ranges: Highlight[]): Highlight[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Highlight[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}

/**
 * An excerpt of `text` of at most about `length` characters around its first highlight, cut at
 * spaces, with the highlights moved into it (those cut off are dropped, those cut through clipped).
 */
export function makeSnippet(
  text: string,
  highlights: readonly Highlight[],
  length = SNIPPET_LENGTH,
): Snippet {
  const whole = text.replace(/\s+$/u, "");
  if (whole.length <= length) return { text: whole, highlights: clip(highlights, 0, whole.length, 0) };
  const first = highlights[0]?.start ?? 0;
  let from = Math.max(0, Math.min(first - Math.floor(length * LEAD_FRACTION), whole.length - length));
  let to = Math.min(whole.length, from + length);
  if (from > 0) {
    const space = whole.indexOf(" ", from);
    if (space !== -1 && space < first) from = space + 1;
  }
  if (to < whole.length) {
    const space = whole.lastIndexOf(" ", to);
    if (space > from && space > (highlights[0]?.end ?? 0)) to = space;
  }
  const lead = from > 0 ? ELLIPSIS : "";
  const tail = to < whole.length ? ELLIPSIS : "";
  return {
    text: `${lead}${whole.slice(from, to)}${tail}`,
    highlights: clip(highlights, from, to, lead.length),
  };
}

function clip(highlights: readonly Highlight[], from: number, to: number, shift: number): Highlight[] {
  return highlights
    .filter((h) => h.end > from && h.start < to)
    .map((h) => ({ start: Math.max(h.start, from) - from + shift, end: Math.min(h.end, to) - from + shift }));
}

/** The text cut into plain and highlighted pieces, in order, for a renderer to wrap the latter. */
export function highlightPieces(snippet: Snippet): { text: string; highlighted: boolean }[] {
  const pieces: { text: string; highlighted: boolean }[] = [];
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    if (start > at) pieces.push({ text: snippet.text.slice(at, start), highlighted: false });
    pieces.push({ text: snippet.text.slice(start, end), highlighted: true });
    at = end;
  }
  if (at < snippet.text.length) pieces.push({ text: snippet.text.slice(at), highlighted: false });
  return pieces;
}
