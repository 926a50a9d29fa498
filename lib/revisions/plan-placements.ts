import { describe } from "@/lib/anchoring/describe";
import { diffEditions, type EditionDiff } from "@/lib/anchoring/diff-editions";
import { reanchorThroughDiff, type Reanchored } from "@/lib/anchoring/reanchor-through-diff";
import type { Selectors } from "@/lib/anchoring/selectors";
import type { PlacementDecision, PlacementOutcome } from "@/lib/db/generated/prisma/enums.ts";
import { isShownPlacement, type StoredPlacement } from "@/lib/annotations/stored-placement";

/** An annotation to carry into a new edition: what it was written on, and where it stands in the edition revised. */
export interface AnnotationToPlace {
  id: string;
  editionId: string;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number | null;
  positionEnd: number | null;
  /** Its placement in the edition revised, when it was written on an earlier one and placed there. */
  placement: (StoredPlacement & { decision: PlacementDecision | null }) | null;
}

/** A placement row to write for the new edition. */
export interface PlannedPlacement {
  annotationId: string;
  outcome: PlacementOutcome;
  confidence: number;
  start: number | null;
  end: number | null;
  decision: PlacementDecision | null;
}

export type PlacementCounts = Record<PlacementOutcome, number>;

/**
 * Where each annotation stands in `newText`, revised from `oldText` (the edition it was revised from,
 * `oldEditionId`): the texts are compared once (diffEditions, or the `diff` given) and every annotation is mapped through
 * the difference (reanchorThroughDiff), starting from where it stood in the old edition: its own
 * selectors when written on it, its shown placement there when written earlier. One that was an
 * orphan there, or left on its own edition by staff, stays so; one still awaiting review there is
 * carried to its place in the new text but still awaits review. A fuzzy place of low confidence is
 * REVIEW (an orphan to readers until staff confirm it): a wrong anchor is worse than an orphan.
 * Annotations stored without a position (imported, never placed) are skipped: they are orphans anyway.
 */
export function planPlacements(
  oldText: string,
  newText: string,
  oldEditionId: string,
  annotations: readonly AnnotationToPlace[],
  diff: EditionDiff = diffEditions(oldText, newText),
): { placements: PlannedPlacement[]; counts: PlacementCounts } {
  const carried: PlannedPlacement[] = [];
  const toMap: { row: AnnotationToPlace; selectors: Selectors; awaitingReview: boolean }[] = [];
  for (const row of annotations) {
    if (row.positionStart === null || row.positionEnd === null) continue;
    const { placement } = row;
    if (row.editionId === oldEditionId || !placement) {
      toMap.push({ row, selectors: ownSelectors(row), awaitingReview: false });
    } else if (placement.start !== null && placement.end !== null && placement.decision !== "LEFT") {
      toMap.push({
        row,
        selectors: describe(oldText, { start: placement.start, end: placement.end }),
        awaitingReview: !isShownPlacement(placement),
      });
    } else {
      carried.push({
        annotationId: row.id,
        outcome: "ORPHAN",
        confidence: 0,
        start: null,
        end: null,
        decision: placement.decision === "LEFT" ? "LEFT" : null,
      });
    }
  }
  const found = reanchorThroughDiff(
    oldText,
    newText,
    toMap.map((item) => item.selectors),
    diff,
  );
  const placements = carried.concat(
    toMap.map(({ row, awaitingReview }, i) => toPlacement(row.id, found[i]!, awaitingReview)),
  );
  const counts: PlacementCounts = { EXACT: 0, MOVED: 0, FUZZY: 0, REVIEW: 0, ORPHAN: 0 };
  for (const placement of placements) counts[placement.outcome]++;
  return { placements, counts };
}

function ownSelectors(row: AnnotationToPlace): Selectors {
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: row.quoteExact,
      prefix: row.quotePrefix,
      suffix: row.quoteSuffix,
    },
    position: { type: "TextPositionSelector", start: row.positionStart!, end: row.positionEnd! },
  };
}

function toPlacement(annotationId: string, found: Reanchored, awaitingReview: boolean): PlannedPlacement {
  if (found.status === "orphan") {
    return { annotationId, outcome: "ORPHAN", confidence: 0, start: null, end: null, decision: null };
  }
  const outcome: PlacementOutcome =
    awaitingReview || found.needsReview ? "REVIEW" : (found.outcome.toUpperCase() as PlacementOutcome);
  return {
    annotationId,
    outcome,
    confidence: found.confidence,
    start: found.start,
    end: found.end,
    decision: null,
  };
}
