/**
 * How many notes and questions each assigned sentence drew. Pure: the service
 * (get-reading-heat-map.ts) reads passages and annotations, this counts.
 *
 * An annotation counts in every sentence its passage touches (an empty passage, in the sentence it
 * sits in), in its own edition; sentences of the same number in different editions are one row.
 */

export interface HeatPassage {
  editionId: string;
  number: number;
  start: number;
  end: number;
}

export interface HeatAnnotation {
  editionId: string;
  start: number;
  end: number;
  question: boolean;
}

export interface SentenceHeat {
  number: number;
  notes: number;
  questions: number;
}

/** Per sentence number in `numbers` (in order): the notes and questions placed on it. */
export function countHeat(
  numbers: readonly number[],
  passages: readonly HeatPassage[],
  annotations: readonly HeatAnnotation[],
): SentenceHeat[] {
  const byEdition = new Map<string, HeatPassage[]>();
  for (const passage of passages) {
    const list = byEdition.get(passage.editionId) ?? [];
    list.push(passage);
    byEdition.set(passage.editionId, list);
  }
  for (const list of byEdition.values()) list.sort((a, b) => a.start - b.start);
  const rows = new Map(numbers.map((n) => [n, { number: n, notes: 0, questions: 0 }]));
  for (const annotation of annotations) {
    const list = byEdition.get(annotation.editionId);
    if (!list) continue;
    const end = Math.max(annotation.end, annotation.start + 1);
    // The first passage ending after the annotation starts (binary search), then on while they overlap.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]!.end <= annotation.start) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < list.length && list[i]!.start < end; i++) {
      const row = rows.get(list[i]!.number);
      if (!row) continue;
      if (annotation.question) row.questions += 1;
      else row.notes += 1;
    }
  }
  return [...rows.values()];
}

/** The shade of a sentence, 0 (none) to `LEVELS`, relative to the busiest sentence. */
export const LEVELS = 4;

export function heatLevel(count: number, busiest: number): number {
  if (count === 0 || busiest === 0) return 0;
  return Math.max(1, Math.ceil((count / busiest) * LEVELS));
}
