import type { PlacementDecision, PlacementOutcome } from "@/lib/db/generated/prisma/enums.ts";

/** An annotation's stored placement in a later edition than the one it was written on (AnnotationPlacement). */
export interface StoredPlacement {
  outcome: PlacementOutcome;
  start: number | null;
  end: number | null;
  decision: PlacementDecision | null;
}

/** Prisma's select for a placement as readers use it. */
export const STORED_PLACEMENT_SELECT = {
  annotationId: true,
  outcome: true,
  start: true,
  end: true,
  decision: true,
} as const;

/**
 * Whether readers see the annotation highlighted at the stored place: found unchanged, moved, or
 * fuzzily but confidently; or confirmed or re-attached by staff. One awaiting review, an orphan, or
 * one left on its own edition is listed apart as an orphan: never a guessed highlight.
 */
export function isShownPlacement(placement: StoredPlacement): placement is StoredPlacement & {
  start: number;
  end: number;
} {
  if (placement.start === null || placement.end === null || placement.decision === "LEFT") return false;
  if (placement.decision === "CONFIRMED" || placement.decision === "REATTACHED") return true;
  return placement.outcome === "EXACT" || placement.outcome === "MOVED" || placement.outcome === "FUZZY";
}
