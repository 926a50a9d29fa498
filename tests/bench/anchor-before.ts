import search from "approx-string-match";
import { isValidRange, type Selectors } from "../../lib/anchoring/selectors.ts";

/**
 * A copy of lib/anchoring/anchor.ts as it was before issue 14 (exact position, else the best exact
 * quote, else the best approximate match), kept only so `npm run bench:anchoring` can compare.
 */
type Anchor =
  | {
      status: "anchored";
      start: number;
      end: number;
      method: "position" | "quote" | "fuzzy";
      similarity: number;
    }
  | { status: "orphan"; reason: "empty-quote" | "not-found" };

/**
 * The least share of a quote's characters that must match for a fuzzy match to count: at 0.8 a
 * 20-character quote tolerates 4 edits (a changed word ending), not a different word.
 */
export const MIN_QUOTE_SIMILARITY = 0.8;
/**
 * Quotes shorter than this also need their surroundings to match before a fuzzy match counts, since
 * a few edits turn a short word into many other words ("ZSRR" is 2 edits from "ZSSR" and from "RP").
 */
export const SHORT_QUOTE_LENGTH = 24;
/** The least similarity of prefix and suffix (together) that a short quote's fuzzy match needs. */
export const MIN_CONTEXT_SIMILARITY = 0.6;
/** Weights of the evidence when several places could fit: the context outweighs the old position. */
const WEIGHTS = { quote: 50, context: 20, position: 2 };

/**
 * Finds where an annotation's selectors point in `text` (perhaps a newer edition):
 * 1. the stored position, if the text there still equals the quote;
 * 2. else the exact quote where its context and position fit best (nearest the stored position among
 *    equally good contexts);
 * 3. else the best approximate match (approx-string-match) that is similar enough
 *    (MIN_QUOTE_SIMILARITY, and for short quotes MIN_CONTEXT_SIMILARITY), so a short quote never lands
 *    on an unrelated word;
 * 4. else an orphan, returned as a value. Invalid positions are ignored; an empty quote is an orphan.
 */
export function anchorBefore(text: string, selectors: Selectors): Anchor {
  const { quote, position } = selectors;
  if (!quote.exact) return { status: "orphan", reason: "empty-quote" };
  const hasPosition = isValidRange(text, position);
  if (hasPosition && text.slice(position.start, position.end) === quote.exact) {
    return {
      status: "anchored",
      start: position.start,
      end: position.end,
      method: "position",
      similarity: 1,
    };
  }
  const expectedStart = Number.isInteger(position.start) ? position.start : null;

  const exact = findExact(text, quote.exact);
  if (exact.length > 0) {
    const best = bestOf(
      exact.map((start) => ({ start, end: start + quote.exact.length, quoteSimilarity: 1 })),
      text,
      selectors,
      expectedStart,
    );
    return { status: "anchored", start: best.start, end: best.end, method: "quote", similarity: 1 };
  }

  const maxErrors = Math.floor(quote.exact.length * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors === 0) return { status: "orphan", reason: "not-found" };
  const candidates = search(text, quote.exact, maxErrors)
    .map((m) => ({ start: m.start, end: m.end, quoteSimilarity: 1 - m.errors / quote.exact.length }))
    .filter((c) => c.end > c.start && c.quoteSimilarity >= MIN_QUOTE_SIMILARITY)
    .filter(
      (c) =>
        quote.exact.length >= SHORT_QUOTE_LENGTH ||
        contextSimilarity(text, c, selectors) >= MIN_CONTEXT_SIMILARITY,
    );
  if (candidates.length === 0) return { status: "orphan", reason: "not-found" };
  const best = bestOf(candidates, text, selectors, expectedStart);
  return {
    status: "anchored",
    start: best.start,
    end: best.end,
    method: "fuzzy",
    similarity: best.quoteSimilarity,
  };
}

interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
}

function findExact(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

function bestOf(candidates: Candidate[], text: string, selectors: Selectors, expectedStart: number | null) {
  let best = candidates[0]!;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const distance = expectedStart === null ? 0 : Math.abs(candidate.start - expectedStart);
    const score =
      WEIGHTS.quote * candidate.quoteSimilarity +
      WEIGHTS.context * contextSimilarity(text, candidate, selectors) +
      WEIGHTS.position * (1 - Math.min(1, distance / Math.max(1, text.length)));
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

/** How well the text around a candidate matches the stored prefix and suffix, from 0 to 1. */
function contextSimilarity(
  text: string,
  candidate: { start: number; end: number },
  selectors: Selectors,
): number {
  const { prefix, suffix } = selectors.quote;
  const total = prefix.length + suffix.length;
  if (total === 0) return 1;
  const before = text.slice(Math.max(0, candidate.start - prefix.length), candidate.start);
  const after = text.slice(candidate.end, candidate.end + suffix.length);
  return (
    (prefix.length * similarity(before, prefix, "end") + suffix.length * similarity(after, suffix, "start")) /
    total
  );
}

/** 1 − (edits ÷ length) of `expected` within `actual`, aligned at the end (prefix) or start (suffix). */
function similarity(actual: string, expected: string, side: "start" | "end"): number {
  if (expected.length === 0) return 1;
  const matches = search(actual, expected, expected.length);
  const aligned = matches.filter((m) => (side === "end" ? m.end === actual.length : m.start === 0));
  const errors = Math.min(expected.length, ...aligned.map((m) => m.errors));
  return 1 - errors / expected.length;
}
