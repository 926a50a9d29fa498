import { chooseCandidate } from "./choose-candidate.ts";
import { findCandidates } from "./find-candidates.ts";
import { measureContext } from "./measure-context.ts";
import type { Anchor, Selectors, TextRange } from "./selectors.ts";
import { weighCandidates } from "./weigh-candidates.ts";

/** Context fit at which an unchanged quote at its stored position is taken without looking further. */
const UNCHANGED_CONTEXT = 0.5;

export interface AnchorOptions {
  /** Search only this part of the text (re-anchoring searches near a position mapped through a diff). */
  within?: TextRange;
}

/**
 * Finds where an annotation's selectors point in `text` (perhaps a newer edition). When the text at
 * the stored position still reads the quote in a fitting context, that is the answer (outcome exact).
 * Otherwise every candidate (the neighbourhood of the stored position, exact copies, approximate
 * matches) is weighed by quote similarity, context similarity and distance from the expected position
 * together, and the best is taken only when it fits and is clearly better than the next; any doubt
 * gives an orphan with its reason, never a guess. Invalid positions are ignored (the quote is then
 * searched everywhere); an empty quote is an orphan.
 */
export function anchor(text: string, selectors: Selectors, options: AnchorOptions = {}): Anchor {
  const { quote, position } = selectors;
  if (!quote.exact) {
    return {
      status: "orphan",
      outcome: "orphan",
      start: null,
      end: null,
      confidence: 0,
      similarity: 0,
      reason: "empty-quote",
    };
  }
  const expected =
    Number.isInteger(position.start) && position.start >= 0 && position.end > position.start
      ? position.start
      : null;
  if (
    expected !== null &&
    position.end === expected + quote.exact.length &&
    text.slice(expected, position.end) === quote.exact &&
    measureContext(text, position, quote).both >= UNCHANGED_CONTEXT
  ) {
    return {
      status: "anchored",
      outcome: "exact",
      start: position.start,
      end: position.end,
      confidence: 1,
      similarity: 1,
    };
  }
  const candidates = findCandidates(text, selectors, expected, options.within);
  return chooseCandidate(weighCandidates(text, selectors, candidates, expected), selectors);
}
