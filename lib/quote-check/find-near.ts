import search from "approx-string-match";
import type { TokenRun } from "./find-exact.ts";
import type { PreparedQuotation } from "./prepare-quotation.ts";
import type { PreparedSource } from "./prepare-source.ts";

/** A place found by one of the searches, with that search's own score (higher is better). */
export interface ScoredRun extends TokenRun {
  score: number;
}

/** The most equally good places per source the approximate search passes on to be compared. */
const MAX_APPROXIMATE_RUNS = 3;
/**
 * A window of source words is this many times the quotation's word count: a quotation that leaves
 * out more words than it has falls below the least similarity anyway (1 − left out ÷ source length).
 */
const WINDOW_WORDS_PER_QUOTED_WORD = 2;
/** Extra window words per ellipsis mark: about MAX_ELIDED_SENTENCES sentences of the corpus's prose. */
const WINDOW_WORDS_PER_ELLIPSIS = 80;
/** The most windows per source passed on to be compared: the best and a runner-up elsewhere. */
const MAX_WINDOWS_PER_SOURCE = 2;
/**
 * Tokens added on each side of a window, so a changed first or last word of the quotation (which the
 * window, built from equal words, does not reach) can be compared with the source's word there.
 */
const EDGE_TOKENS = 3;

/**
 * Where the quotation (without its ellipsis marks, case and diacritics) best matches a substring of
 * the source, by edit distance, with at most `maxErrorShare` of its length in errors: Myers'
 * bit-parallel search (approx-string-match), which reports only the places with the fewest errors,
 * scored 1 − errors ÷ m. With a share of 1 there is always an answer (a closest place). Expected
 * O(n·k/32) for a source of n characters and a budget of k errors (at most the quotation's length).
 */
export function findApproximateRuns(
  quotation: PreparedQuotation,
  source: PreparedSource,
  maxErrorShare: number,
): ScoredRun[] {
  const pattern = quotation.searchText;
  if (pattern.length === 0 || source.tokens.length === 0) return [];
  const runs: ScoredRun[] = [];
  for (const match of search(source.normalised.folded, pattern, Math.ceil(pattern.length * maxErrorShare))) {
    if (match.end <= match.start) continue;
    const first = firstTokenEndingAfter(source, match.start);
    const last = Math.max(first, firstTokenEndingAfter(source, match.end - 1));
    if (runs.some((run) => run.first === first && run.last === last)) continue;
    runs.push({ source, first, last, score: 1 - match.errors / pattern.length });
    if (runs.length === MAX_APPROXIMATE_RUNS) break;
  }
  return runs;
}

/** The index of the first token that ends after normalised offset `offset` (or the last token). */
function firstTokenEndingAfter(source: PreparedSource, offset: number): number {
  let low = 0;
  let high = source.tokens.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (source.tokens[middle]!.normalisedEnd > offset) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * Where the source has most of the quotation's words (ignoring case and diacritics) close together:
 * windows of source words, each starting at one of the quotation's words, scored by how many of the
 * quotation's words (counted with repetition) they hold. This finds quotations that leave out or add
 * long stretches, which an edit-distance search cannot bridge. Scored by the share of the quotation's
 * words held. A sliding window: O(n) per source, plus sorting the windows.
 */
export function findWordWindows(quotation: PreparedQuotation, source: PreparedSource): ScoredRun[] {
  const needed = new Map<string, number>();
  for (const token of quotation.tokens) {
    if (token.kind === "word") needed.set(token.folded, (needed.get(token.folded) ?? 0) + 1);
  }
  const ellipses = quotation.tokens.filter((token) => token.kind === "ellipsis").length;
  const size = quotation.wordCount * WINDOW_WORDS_PER_QUOTED_WORD + ellipses * WINDOW_WORDS_PER_ELLIPSIS;
  const words = source.tokens.flatMap((token, index) => (token.kind === "word" ? [index] : []));
  const folded = (word: number) => source.tokens[words[word]!]!.folded;

  const held = new Map<string, number>();
  let hits = 0;
  const change = (word: number, by: 1 | -1) => {
    const key = folded(word);
    const need = needed.get(key);
    if (need === undefined) return;
    const count = (held.get(key) ?? 0) + by;
    held.set(key, count);
    if (by === 1 ? count <= need : count < need) hits += by;
  };

  const windows: { left: number; right: number; hits: number }[] = [];
  let right = 0;
  for (let left = 0; left < words.length; left++) {
    while (right < words.length && right < left + size) change(right++, 1);
    if (needed.has(folded(left))) windows.push({ left, right, hits });
    change(left, -1);
  }

  windows.sort((a, b) => b.hits - a.hits || a.left - b.left);
  const chosen: { left: number; lastHit: number; hits: number }[] = [];
  for (const window of windows) {
    if (chosen.length === MAX_WINDOWS_PER_SOURCE) break;
    let lastHit = window.right - 1;
    while (!needed.has(folded(lastHit))) lastHit--;
    if (chosen.some((other) => window.left <= other.lastHit && other.left <= lastHit)) continue;
    chosen.push({ left: window.left, lastHit, hits: window.hits });
  }
  return chosen.map(({ left, lastHit, hits }) => ({
    source,
    first: Math.max(0, words[left]! - EDGE_TOKENS),
    last: Math.min(source.tokens.length - 1, words[lastHit]! + EDGE_TOKENS),
    score: hits / quotation.wordCount,
  }));
}
