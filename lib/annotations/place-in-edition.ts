import { anchor } from "@/lib/anchoring/anchor";
import { isShownPlacement, type StoredPlacement } from "./stored-placement.ts";
import type { AnchorView } from "./types.ts";

/** Prisma's nested select for an edition's passages as `sentencesOf` and `placeInEdition` need them. */
export const PASSAGE_RANGES = {
  orderBy: { start: "asc" },
  select: { number: true, start: true, end: true },
} as const;

export interface PassageRange {
  number: number;
  start: number;
  end: number;
}

/** Index of the first passage (sorted by start) whose end is past `offset`. */
function firstEndingAfter(passages: readonly PassageRange[], offset: number): number {
  let low = 0;
  let high = passages.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (passages[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The sentences a range [start, end) touches: the first and last passage it overlaps. A range in the
 * whitespace between two sentences belongs to the sentence after it. Passages sorted by start.
 */
export function sentencesOf(passages: readonly PassageRange[], start: number, end: number) {
  if (passages.length === 0) return { firstSentence: 1, lastSentence: 1 };
  const first = Math.min(firstEndingAfter(passages, start), passages.length - 1);
  const last = Math.max(first, Math.min(firstEndingAfter(passages, end - 1), passages.length - 1));
  return { firstSentence: passages[first]!.number, lastSentence: passages[last]!.number };
}

/** An annotation at [start, end) of the edition shown (made on it, so checked against its text). */
export function placeAt(passages: readonly PassageRange[], start: number, end: number): AnchorView {
  return { status: "anchored", start, end, ...sentencesOf(passages, start, end) };
}

/**
 * Where an annotation made on any edition falls in the edition being read: its placement there as
 * stored when that edition was published (`stored`: shown only when settled, see isShownPlacement;
 * else an orphan), or without one the stored position when the quote is still there, else where the
 * anchoring module finds it, else an orphan. One stored without a position (imported, and not found
 * where it came from: lib/import) stays an orphan.
 */
export function placeInEdition(
  text: string,
  passages: readonly PassageRange[],
  row: {
    quoteExact: string;
    quotePrefix: string;
    quoteSuffix: string;
    positionStart: number | null;
    positionEnd: number | null;
  },
  stored?: StoredPlacement,
): AnchorView {
  if (stored) {
    return isShownPlacement(stored) ? placeAt(passages, stored.start, stored.end) : { status: "orphan" };
  }
  if (row.positionStart === null || row.positionEnd === null) return { status: "orphan" };
  const found = anchor(text, {
    quote: {
      type: "TextQuoteSelector",
      exact: row.quoteExact,
      prefix: row.quotePrefix,
      suffix: row.quoteSuffix,
    },
    position: { type: "TextPositionSelector", start: row.positionStart, end: row.positionEnd },
  });
  if (found.status === "orphan") return { status: "orphan" };
  return placeAt(passages, found.start, found.end);
}
