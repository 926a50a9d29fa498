import search from "approx-string-match";
import type { Selectors, TextRange } from "./selectors.ts";

/** Where a candidate came from; weighing treats them alike, reports and tests read it. */
export type CandidateSource = "position" | "exact" | "approximate" | "between-context";

export interface Candidate extends TextRange {
  source: CandidateSource;
}

/**
 * Characters searched on each side of the expected position with a larger error budget: far enough
 * for a passage shifted by an inserted or deleted sentence or two, near enough that a short quote's
 * few permitted errors do not match half the text.
 */
export const NEIGHBOURHOOD = 600;
/**
 * Share of a quote's length allowed as errors when searching the whole text: at 0.2 a 20-character
 * quote may differ by 4 edits (a changed word ending), not a different word.
 */
export const FAR_ERROR_SHARE = 0.2;
/**
 * Share allowed near the expected position, where the context will also be checked: a short quote
 * with a typo or two (2 edits in 8 characters) must still be found there.
 */
export const NEAR_ERROR_SHARE = 0.35;
/**
 * approx-string-match returns only the lowest-cost matches of one search, so the whole text is searched
 * in blocks of this size: a slightly worse match in one place cannot hide the true one in another.
 */
export const SEARCH_BLOCK = 8192;
/** Exact copies kept (the nearest to the expected position): a one-word quote can occur thousands of times. */
export const MAX_EXACT_COPIES = 2000;
/** The stored context needed on each side to look for the text between prefix and suffix. */
export const MIN_CONTEXT_FOR_BETWEEN = 8;

export type SearchArea = TextRange;

/**
 * Every place in `text` where the annotation could now be: the stored position (when the text there
 * still reads the quote), the text between the stored prefix and suffix near the expected position,
 * approximate matches around it, every exact copy of the quote, and approximate matches anywhere.
 * `within` limits the search to a part of the text (re-anchoring through a diff searches only near
 * the mapped position). `expected` is where the quote is expected to start, or null if unknown.
 * Candidates may repeat or overlap; weighing decides between them.
 */
export function findCandidates(
  text: string,
  selectors: Selectors,
  expected: number | null,
  within: SearchArea = { start: 0, end: text.length },
): Candidate[] {
  const exact = selectors.quote.exact;
  const candidates: Candidate[] = [];
  const { start: areaStart, end: areaEnd } = within;

  if (expected !== null) {
    const end = expected + exact.length;
    if (expected >= areaStart && end <= areaEnd && text.slice(expected, end) === exact) {
      candidates.push({ start: expected, end, source: "position" });
    }
    const near = {
      start: Math.max(areaStart, expected - NEIGHBOURHOOD),
      end: Math.min(areaEnd, end + NEIGHBOURHOOD),
    };
    if (near.start < near.end) {
      const between = findBetweenContext(text, selectors, expected, near);
      if (between) candidates.push(between);
      const budget = Math.max(1, Math.floor(exact.length * NEAR_ERROR_SHARE));
      candidates.push(...approximate(text, exact, budget, near));
    }
  }

  candidates.push(...exactCopies(text, exact, expected, within));

  const budget = Math.floor(exact.length * FAR_ERROR_SHARE);
  if (budget > 0) {
    for (let from = areaStart; from < areaEnd; from += SEARCH_BLOCK) {
      const block = { start: from, end: Math.min(areaEnd, from + SEARCH_BLOCK + exact.length + budget) };
      candidates.push(...approximate(text, exact, budget, block));
    }
  }
  return candidates;
}

function exactCopies(text: string, exact: string, expected: number | null, area: SearchArea): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(exact, area.start); at !== -1 && at + exact.length <= area.end;) {
    found.push({ start: at, end: at + exact.length, source: "exact" });
    at = text.indexOf(exact, at + 1);
  }
  if (found.length <= MAX_EXACT_COPIES || expected === null) return found.slice(0, MAX_EXACT_COPIES);
  return found
    .sort((a, b) => Math.abs(a.start - expected) - Math.abs(b.start - expected))
    .slice(0, MAX_EXACT_COPIES);
}

/** The lowest-cost approximate matches in one area, overlapping ones merged into the first. */
function approximate(text: string, exact: string, budget: number, area: SearchArea): Candidate[] {
  const matches = search(text.slice(area.start, area.end), exact, budget);
  const kept: Candidate[] = [];
  for (const match of matches) {
    if (match.end <= match.start) continue;
    const start = area.start + match.start;
    const end = area.start + match.end;
    const last = kept.at(-1);
    if (last && start < last.end) continue;
    kept.push({ start, end, source: "approximate" });
  }
  return kept;
}

/**
 * The text between the stored prefix and suffix, when both are found whole near the expected
 * position in that order: where a passage with a few typos (or nothing at all, if it was deleted) now
 * stands. Null when the context is too short to trust or not found.
 */
function findBetweenContext(
  text: string,
  selectors: Selectors,
  expected: number,
  near: SearchArea,
): Candidate | null {
  const { prefix, suffix, exact } = selectors.quote;
  if (prefix.length < MIN_CONTEXT_FOR_BETWEEN || suffix.length < MIN_CONTEXT_FOR_BETWEEN) return null;
  const area = text.slice(near.start, near.end);
  let bestStart = -1;
  for (let at = area.indexOf(prefix); at !== -1; at = area.indexOf(prefix, at + 1)) {
    const start = near.start + at + prefix.length;
    if (bestStart === -1 || Math.abs(start - expected) < Math.abs(bestStart - expected)) bestStart = start;
  }
  if (bestStart === -1) return null;
  const suffixAt = text.indexOf(suffix, bestStart);
  if (suffixAt === -1 || suffixAt + suffix.length > near.end) return null;
  // A quote can lose or gain a little; a suffix much further on belongs to some other passage.
  if (suffixAt - bestStart > exact.length * 2 + MIN_CONTEXT_FOR_BETWEEN) return null;
  return { start: bestStart, end: suffixAt, source: "between-context" };
}
