import { anchor } from "./anchor.ts";
import { mapRange, type EditionDiff } from "./diff-editions.ts";
import type { Anchor, Selectors } from "./selectors.ts";

/** Fuzzy placements below this confidence are listed for the group's staff to confirm or correct. */
export const REVIEW_BELOW_CONFIDENCE = 0.9;
/**
 * Characters searched beyond the changed part a passage could now be in: the word diff may cut a
 * change a word short or long, and a quote that lost its first letters starts a little earlier.
 */
export const SEARCH_SLACK = 32;

/**
 * Where one annotation went in the new edition, and whether a person should look at it: a fuzzy
 * placement of low confidence, or every annotation when the texts were too different to compare.
 */
export type Reanchored = Anchor & { needsReview: boolean };

/**
 * Re-anchors annotations made on `oldText` in `newText` through the texts' difference (computed once
 * by diffEditions). An annotation inside an unchanged stretch is mapped through it (exact, or moved
 * when shifted) without any search; one that touches a change is searched with anchor() only in the
 * part of the new text it can now be in, so a deleted passage becomes an orphan and is never attached
 * to a similar sentence elsewhere. An annotation whose stored position does not read its quote in the
 * old text (made on an older edition) is searched in the whole new text. When the diff gave up, every
 * annotation is an orphan that needs review, never a guess.
 */
export function reanchorThroughDiff(
  oldText: string,
  newText: string,
  annotations: readonly Selectors[],
  diff: EditionDiff,
): Reanchored[] {
  return annotations.map((selectors) => reanchorOne(oldText, newText, selectors, diff));
}

function reanchorOne(oldText: string, newText: string, selectors: Selectors, diff: EditionDiff): Reanchored {
  const { quote, position } = selectors;
  if (!diff.complete) {
    return { ...gaveUp(quote.exact), needsReview: true };
  }
  if (!quote.exact || oldText.slice(position.start, position.end) !== quote.exact) {
    return withReview(anchor(newText, selectors));
  }
  const mapped = mapRange(diff, position);
  if (mapped.status === "unchanged") {
    return {
      status: "anchored",
      outcome: mapped.start === position.start ? "exact" : "moved",
      start: mapped.start,
      end: mapped.end,
      confidence: 1,
      similarity: 1,
      needsReview: false,
    };
  }
  const { within } = mapped;
  const area = {
    start: Math.max(0, within.start - SEARCH_SLACK),
    end: Math.min(newText.length, within.end + SEARCH_SLACK),
  };
  const expected = {
    type: "TextPositionSelector" as const,
    start: within.start,
    end: within.start + quote.exact.length,
  };
  const found = anchor(newText, { quote, position: expected }, { within: area });
  if (
    found.status === "orphan" &&
    found.reason === "not-found" &&
    within.end - within.start < quote.exact.length / 2
  ) {
    return { ...found, reason: "deleted", needsReview: false };
  }
  if (found.status === "anchored" && found.similarity === 1) {
    // anchor() judged "exact" against the mapped position; against the old one it may have moved.
    return withReview({ ...found, outcome: found.start === position.start ? "exact" : "moved" });
  }
  return withReview(found);
}

function withReview(found: Anchor): Reanchored {
  return { ...found, needsReview: found.outcome === "fuzzy" && found.confidence < REVIEW_BELOW_CONFIDENCE };
}

function gaveUp(exact: string): Anchor {
  return {
    status: "orphan",
    outcome: "orphan",
    start: null,
    end: null,
    confidence: 0,
    similarity: 0,
    reason: exact ? "not-found" : "empty-quote",
  };
}
