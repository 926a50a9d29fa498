import fc from "fast-check";
import {
  insertEmptySegment,
  joinSegments,
  removeEmptySegment,
  splitSegment,
  type TranslationAlignment,
} from "@/lib/sources/align-translation";

/** One correction in the alignment editor: join, split after some words, insert or remove an empty segment. */
export interface CorrectionStep {
  op: string;
  index: number;
  words?: number;
}

/** Corrections at any index (some outside the alignment), splits after up to `maxWords` words. */
export function correctionStep(maxWords: number): fc.Arbitrary<CorrectionStep> {
  return fc.oneof(
    fc.record({ op: fc.constant("join"), index: fc.integer({ min: -1, max: 8 }) }),
    fc.record({
      op: fc.constant("split"),
      index: fc.integer({ min: -1, max: 8 }),
      words: fc.integer({ min: 0, max: maxWords }),
    }),
    fc.record({ op: fc.constant("insert"), index: fc.integer({ min: -1, max: 8 }) }),
    fc.record({ op: fc.constant("remove"), index: fc.integer({ min: -1, max: 8 }) }),
  );
}

/** `alignment` after `step`, as the editor applies it (a split that cannot be made changes nothing). */
export function applyCorrection(alignment: TranslationAlignment, step: CorrectionStep): TranslationAlignment {
  if (step.op === "join") return joinSegments(alignment, step.index);
  if (step.op === "split") return splitSegment(alignment, step.index, step.words ?? 1) ?? alignment;
  if (step.op === "insert") return insertEmptySegment(alignment, step.index);
  return removeEmptySegment(alignment, step.index);
}
