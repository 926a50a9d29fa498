import { quoteSimilarity } from "./count-edits.ts";
import type { Candidate } from "./find-candidates.ts";
import { measureContext, type ContextFit } from "./measure-context.ts";
import type { Selectors } from "./selectors.ts";

/**
 * Weights of the three kinds of evidence in one score (they sum to 1). The quote counts most; the
 * context nearly as much, since a repeated sentence differs from its copies only there; the distance
 * from the expected position decides between copies whose quote and context fit about equally well,
 * and keeps a passage with a typo at its old place ahead of an intact copy far away.
 */
export const WEIGHTS = { quote: 0.45, context: 0.3, proximity: 0.25 } as const;
/**
 * Distance (characters) at which proximity falls to a half: an inserted paragraph or two away still
 * counts as near; the other end of a book chapter does not.
 */
export const PROXIMITY_HALF_DISTANCE = 1000;
/**
 * A quote shorter than this (the length of its stored prefix or suffix) gives its weight over to the
 * context in proportion: one typo in a six-letter word says little, its unchanged neighbours much.
 */
export const SHORT_QUOTE_LENGTH = 32;
/** Quote similarity below which a candidate is not worth measuring further (its exact value is moot). */
export const QUOTE_SIMILARITY_FLOOR = 0.5;

export interface WeighedCandidate extends Candidate {
  /** 0 to 1: 1 − edits ÷ length between the text there and the quote. */
  quoteSimilarity: number;
  /** Edits between the text there and the quote (from the similarity; large when it is below the floor). */
  edits: number;
  context: ContextFit;
  /** Characters between the candidate's start and the expected start; null when none was expected. */
  distance: number | null;
  /** 0 to 1: the weighted sum of the evidence. */
  score: number;
}

/**
 * Scores each distinct candidate by quote similarity, context similarity and distance from the
 * expected position together, best first. Duplicates (same range from several searches) are weighed
 * once, keeping the first source named.
 */
export function weighCandidates(
  text: string,
  selectors: Selectors,
  candidates: readonly Candidate[],
  expected: number | null,
): WeighedCandidate[] {
  const quoteWeight = WEIGHTS.quote * Math.min(1, selectors.quote.exact.length / SHORT_QUOTE_LENGTH);
  const contextWeight = WEIGHTS.context + (WEIGHTS.quote - quoteWeight);
  const seen = new Set<string>();
  const weighed: WeighedCandidate[] = [];
  for (const candidate of candidates) {
    const key = `${candidate.start}:${candidate.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = text.slice(candidate.start, candidate.end);
    const similarity = quoteSimilarity(found, selectors.quote.exact, QUOTE_SIMILARITY_FLOOR);
    const context = measureContext(text, candidate, selectors.quote);
    const distance = expected === null ? null : Math.abs(candidate.start - expected);
    const proximity = distance === null ? 0 : 1 / (1 + distance / PROXIMITY_HALF_DISTANCE);
    const score = quoteWeight * similarity + contextWeight * context.both + WEIGHTS.proximity * proximity;
    const longer = Math.max(found.length, selectors.quote.exact.length);
    const edits = Math.round((1 - similarity) * longer);
    weighed.push({ ...candidate, quoteSimilarity: similarity, edits, context, distance, score });
  }
  return weighed.sort((a, b) => b.score - a.score);
}
