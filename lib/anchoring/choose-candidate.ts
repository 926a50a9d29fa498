import { NEIGHBOURHOOD } from "./find-candidates.ts";
import type { Anchor, OrphanReason, Selectors } from "./selectors.ts";
import type { WeighedCandidate } from "./weigh-candidates.ts";

/**
 * Least quote similarity of a candidate anywhere: at 0.8 a 20-character quote tolerates 4 edits (a
 * changed word ending), not a different word.
 */
export const MIN_QUOTE_SIMILARITY = 0.8;
/**
 * Least quote similarity near the expected position when the context there fits almost perfectly
 * (MIN_CONTEXT_FOR_TYPOS) and at most MAX_TYPO_EDITS edits were made: a short quote with a typo or two
 * between its unchanged neighbours.
 */
export const NEAR_MIN_QUOTE_SIMILARITY = 0.6;
/** A typo or two (each a substitution, or a letter lost and another gained), not a rewritten word. */
export const MAX_TYPO_EDITS = 3;
/** Context fit (both sides together) that lets a near candidate use NEAR_MIN_QUOTE_SIMILARITY. */
export const MIN_CONTEXT_FOR_TYPOS = 0.9;
/** Quotes at least this long may be found approximately away from the expected position. */
export const LONG_QUOTE_LENGTH = 24;
/**
 * Least context fit (both sides together) for an exact quote near the expected position, which also
 * needs one side nearly intact (MIN_FUZZY_SIDE): a quarter of unrelated text matches by chance, and
 * a copy of a deleted sentence a few sentences on shares neither neighbour.
 */
export const MIN_CONTEXT = 0.5;
/**
 * Near the expected position a similar (not equal) quote needs one side of its context nearly intact
 * (a sentence inserted on the other side is fine) and both sides together at least MIN_FUZZY_CONTEXT.
 * A near-copy of a deleted sentence elsewhere stands between other sentences and fails this.
 */
export const MIN_FUZZY_SIDE = 0.8;
export const MIN_FUZZY_CONTEXT = 0.7;
/**
 * Away from the expected position any quote needs both sides of its context at least this intact:
 * in a text of repeated sentences a copy elsewhere often shares one side and most of the other.
 */
export const MIN_FAR_SIDE = 0.9;
/** How much better (in score, 0 to 1) the best candidate must be than the next to be taken. */
export const MIN_MARGIN = 0.08;
/** Below this share of the quote's length, the text between an unchanged prefix and suffix means the quote was deleted. */
const DELETED_SHARE = 0.5;

const overlaps = (a: WeighedCandidate, b: WeighedCandidate) => a.start < b.end && b.start < a.end;

function isNear(candidate: WeighedCandidate): boolean {
  return candidate.distance !== null && candidate.distance <= NEIGHBOURHOOD;
}

/**
 * Whether the candidate's quote and context together are evidence enough to place the annotation
 * there. Away from the expected position both sides of the context must be nearly intact (a whole
 * passage moved with its neighbours) and a short quote must be exact; near it, one side must be
 * nearly intact and the two together at least half (an exact quote) or more (a similar one).
 */
function fits(candidate: WeighedCandidate): boolean {
  const { quoteSimilarity: similarity, context } = candidate;
  if (similarity < MIN_QUOTE_SIMILARITY) {
    return (
      similarity >= NEAR_MIN_QUOTE_SIMILARITY &&
      candidate.edits <= MAX_TYPO_EDITS &&
      isNear(candidate) &&
      context.both >= MIN_CONTEXT_FOR_TYPOS
    );
  }
  if (!isNear(candidate)) {
    const long = candidate.end - candidate.start >= LONG_QUOTE_LENGTH;
    return (similarity === 1 || long) && Math.min(context.prefix, context.suffix) >= MIN_FAR_SIDE;
  }
  const minimum = similarity === 1 ? MIN_CONTEXT : MIN_FUZZY_CONTEXT;
  return Math.max(context.prefix, context.suffix) >= MIN_FUZZY_SIDE && context.both >= minimum;
}

function orphan(reason: OrphanReason, similarity = 0): Anchor {
  return { status: "orphan", outcome: "orphan", start: null, end: null, confidence: 0, similarity, reason };
}

/**
 * Takes the best weighed candidate (sorted best first) only when its quote and context fit and it is
 * clearly better (MIN_MARGIN) than the best rival that does not overlap it; otherwise an orphan with
 * the reason. A wrong anchor is far worse than an orphan, so every doubt ends in an orphan.
 */
export function chooseCandidate(weighed: readonly WeighedCandidate[], selectors: Selectors): Anchor {
  const { position, quote } = selectors;
  const plausible = weighed.filter((c) => c.quoteSimilarity >= NEAR_MIN_QUOTE_SIMILARITY);
  const best = plausible.find(fits);
  if (!best) {
    const between = weighed.find((c) => c.source === "between-context");
    if (between && between.end - between.start < quote.exact.length * DELETED_SHARE) return orphan("deleted");
    const similar = plausible.filter((c) => c.quoteSimilarity >= MIN_QUOTE_SIMILARITY);
    return similar.length > 0 ? orphan("context-mismatch", similar[0]!.quoteSimilarity) : orphan("not-found");
  }
  const rival = plausible.find((c) => c !== best && !overlaps(c, best));
  if (rival && best.score - rival.score < MIN_MARGIN) return orphan("ambiguous", best.quoteSimilarity);
  const unchanged = best.quoteSimilarity === 1 && best.start === position.start && best.end === position.end;
  return {
    status: "anchored",
    outcome: unchanged ? "exact" : best.quoteSimilarity === 1 ? "moved" : "fuzzy",
    start: best.start,
    end: best.end,
    confidence: unchanged ? 1 : best.score,
    similarity: best.quoteSimilarity,
  };
}
