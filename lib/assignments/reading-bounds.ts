import type { ReadingBounds } from "./progress.ts";

/** A reading as stored: a source, and the assigned sentences (null: the whole source). */
export interface StoredReading {
  sourceId: string;
  firstSentence: number | null;
  lastSentence: number | null;
}

/** A passage (sentence) with its edition, as `readingPassagesWhere` finds them. */
export interface BoundaryPassage {
  number: number;
  start: number;
  end: number;
  editionId: string;
  edition: { sourceId: string };
}

/** The columns of a BoundaryPassage, to select with `readingPassagesWhere`. */
export const BOUNDARY_PASSAGE_SELECT = {
  number: true,
  start: true,
  end: true,
  editionId: true,
  edition: { select: { sourceId: true } },
} as const;

/** The `where` clause on passages finding the first and last assigned sentences in every edition. */
export function readingPassagesWhere(readings: readonly StoredReading[]) {
  const sourceIds = [...new Set(readings.map((r) => r.sourceId))];
  const numbers = readings.flatMap((r) =>
    r.firstSentence === null ? [] : [r.firstSentence, r.lastSentence!],
  );
  return { edition: { sourceId: { in: sourceIds } }, number: { in: [...new Set(numbers)] } };
}

/** Each reading's offsets per edition, from the boundary passages `readingPassagesWhere` found. */
export function readingBounds(
  readings: readonly StoredReading[],
  passages: readonly BoundaryPassage[],
): ReadingBounds[] {
  return readings.map((reading) => {
    if (reading.firstSentence === null) return { sourceId: reading.sourceId, ranges: null };
    const ranges = new Map<string, { start: number; end: number }>();
    const firsts = passages.filter(
      (p) => p.edition.sourceId === reading.sourceId && p.number === reading.firstSentence,
    );
    for (const first of firsts) {
      const last = passages.find((p) => p.editionId === first.editionId && p.number === reading.lastSentence);
      if (last) ranges.set(first.editionId, { start: first.start, end: last.end });
    }
    return { sourceId: reading.sourceId, ranges };
  });
}

/** A reading's offsets as a withheld range lists them (`WithheldRange.editions`): null for a whole source. */
export function withheldEditions(bounds: ReadingBounds) {
  return bounds.ranges ? [...bounds.ranges].map(([editionId, r]) => ({ editionId, ...r })) : null;
}
