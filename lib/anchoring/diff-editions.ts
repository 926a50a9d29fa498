import { diffArrays, diffWordsWithSpace, type ChangeObject } from "diff";
import type { TextRange } from "./selectors.ts";

/** A stretch that reads the same in both texts: old [oldStart, oldStart + length) = new [newStart, newStart + length). */
export interface UnchangedStretch {
  oldStart: number;
  newStart: number;
  length: number;
}

/**
 * The difference between two editions' texts as a position map: the unchanged stretches in order
 * (everything between two of them was changed), or `complete: false` when the texts are too different
 * for the comparison to mean anything (then nothing can be mapped and every annotation needs review).
 */
export interface EditionDiff {
  complete: boolean;
  unchanged: UnchangedStretch[];
  oldLength: number;
  newLength: number;
}

/**
 * Beyond this share of sentences changed, the comparison gives up: the text was rewritten, not revised,
 * and positions mapped through it would be guesses.
 */
export const MAX_CHANGED_SHARE = 0.5;
/**
 * A changed run of sentences longer than this (characters, either side) is not compared word by word:
 * a rewritten chapter is changed as a whole, and word diffs grow with the square of their size.
 */
export const MAX_WORD_DIFF_LENGTH = 20_000;

const TERMINATORS = new Set([".", "!", "?", "…"]);
const isSpace = (ch: string) => ch === " " || ch === "\n" || ch === "\t" || ch === "\r" || ch === "\u00a0";

/**
 * Cuts a text into sentence-like chunks that together give the text back: a chunk ends after a
 * terminator followed by white space, or after a line break, with the white space that follows. Exact
 * sentence boundaries do not matter here, only that an edit changes few chunks.
 */
export function splitChunks(text: string): string[] {
  const chunks: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const ends = ch === "\n" || (TERMINATORS.has(ch) && i + 1 < text.length && isSpace(text[i + 1]!));
    if (!ends) continue;
    let to = i + 1;
    while (to < text.length && isSpace(text[to]!)) to++;
    chunks.push(text.slice(from, to));
    from = to;
    i = to - 1;
  }
  if (from < text.length) chunks.push(text.slice(from));
  return chunks;
}

const length = (values: readonly string[]) => values.reduce((sum, value) => sum + value.length, 0);

/**
 * Compares two texts once: common start and end cut off, then sentence-like chunks compared
 * (`diffArrays`), then each changed run of chunks compared word by word (`diffWordsWithSpace`), so a
 * typo changes one word, not a sentence. Fast on long texts with scattered edits, since the expensive
 * comparisons only see the changed runs.
 */
export function diffEditions(oldText: string, newText: string): EditionDiff {
  const unchanged: UnchangedStretch[] = [];
  const keep = (oldStart: number, newStart: number, size: number) => {
    if (size <= 0) return;
    const last = unchanged.at(-1);
    if (last && last.oldStart + last.length === oldStart && last.newStart + last.length === newStart) {
      last.length += size;
    } else {
      unchanged.push({ oldStart, newStart, length: size });
    }
  };
  const result = (complete: boolean): EditionDiff => ({
    complete,
    unchanged: complete ? unchanged : [],
    oldLength: oldText.length,
    newLength: newText.length,
  });

  let head = 0;
  const shorter = Math.min(oldText.length, newText.length);
  while (head < shorter && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++;
  let tail = 0;
  while (
    tail < shorter - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) {
    tail++;
  }
  // Back to word boundaries, so that the chunks compared are whole on both sides: a common tail that
  // began at a sentence's final period would glue what precedes it onto the next sentence in one
  // text and not in the other, and an inserted sentence would then change its neighbours too.
  while (head > 0 && !isSpace(oldText[head - 1]!)) head--;
  while (
    tail > 0 &&
    !(isSpace(oldText[oldText.length - 1 - tail] ?? "") && isSpace(newText[newText.length - 1 - tail] ?? ""))
  ) {
    tail--;
  }
  keep(0, 0, head);
  const oldChunks = splitChunks(oldText.slice(head, oldText.length - tail));
  const newChunks = splitChunks(newText.slice(head, newText.length - tail));
  const maxEditLength = Math.max(10, Math.ceil((oldChunks.length + newChunks.length) * MAX_CHANGED_SHARE));
  const changes = diffArrays(oldChunks, newChunks, { maxEditLength });
  if (!changes) return result(false);

  let oldAt = head;
  let newAt = head;
  let removed: string[] = [];
  let added: string[] = [];
  const flush = () => {
    if (removed.length === 0 && added.length === 0) return;
    const before = removed.join("");
    const after = added.join("");
    if (before && after && Math.max(before.length, after.length) <= MAX_WORD_DIFF_LENGTH) {
      compareWords(before, after, oldAt, newAt, keep);
    }
    oldAt += before.length;
    newAt += after.length;
    removed = [];
    added = [];
  };
  for (const change of changes as ChangeObject<string[]>[]) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flush();
      const size = length(change.value);
      keep(oldAt, newAt, size);
      oldAt += size;
      newAt += size;
    }
  }
  flush();
  keep(oldAt, newAt, tail);
  return result(true);
}

/** The unchanged words of one changed run, kept as stretches at their offsets in the whole texts. */
function compareWords(
  before: string,
  after: string,
  oldAt: number,
  newAt: number,
  keep: (oldStart: number, newStart: number, size: number) => void,
) {
  const words = diffWordsWithSpace(before, after, {
    maxEditLength: Math.ceil((before.length + after.length) / 2),
  });
  if (!words) return;
  let oldOffset = oldAt;
  let newOffset = newAt;
  for (const word of words) {
    if (word.removed) oldOffset += word.value.length;
    else if (word.added) newOffset += word.value.length;
    else {
      keep(oldOffset, newOffset, word.value.length);
      oldOffset += word.value.length;
      newOffset += word.value.length;
    }
  }
}

/** Index of the last unchanged stretch starting at or before `offset` in the old text, or −1. */
function stretchBefore(diff: EditionDiff, offset: number): number {
  let low = 0;
  let high = diff.unchanged.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (diff.unchanged[middle]!.oldStart <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * Unchanged characters needed on each side of a range (within its stretch, or up to the text's edge)
 * to map it without a search: a common word the word diff kept inside a rewritten sentence is not the
 * annotated passage, however equal it reads.
 */
export const MIN_MAPPED_CONTEXT = 16;

/**
 * Where an old range is in the new text: `unchanged` when it lies inside one unchanged stretch with
 * MIN_MAPPED_CONTEXT to spare on each side (its new range is exact); otherwise `changed`, with the part of the new text it can now be in: from
 * the end of the last unchanged text before it to the start of the first unchanged text after it.
 */
export function mapRange(
  diff: EditionDiff,
  range: TextRange,
): { status: "unchanged"; start: number; end: number } | { status: "changed"; within: TextRange } {
  const index = stretchBefore(diff, range.start);
  const stretch = index >= 0 ? diff.unchanged[index]! : null;
  const stretchEnd = stretch ? stretch.oldStart + stretch.length : 0;
  if (
    stretch &&
    range.start - Math.min(MIN_MAPPED_CONTEXT, range.start) >= stretch.oldStart &&
    range.end + Math.min(MIN_MAPPED_CONTEXT, diff.oldLength - range.end) <= stretchEnd
  ) {
    const shift = stretch.newStart - stretch.oldStart;
    return { status: "unchanged", start: range.start + shift, end: range.end + shift };
  }
  return {
    status: "changed",
    within: { start: mapOffset(diff, range.start, "start"), end: mapOffset(diff, range.end, "end") },
  };
}

/**
 * An old offset in the new text: exact inside an unchanged stretch (or at its end); in a changed
 * part, its start (side "start") or end (side "end") in the new text.
 */
export function mapOffset(diff: EditionDiff, offset: number, side: "start" | "end"): number {
  const index = stretchBefore(diff, side === "end" ? offset - 1 : offset);
  const stretch = index >= 0 ? diff.unchanged[index]! : null;
  if (stretch && offset <= stretch.oldStart + stretch.length && offset >= stretch.oldStart) {
    return stretch.newStart + (offset - stretch.oldStart);
  }
  if (side === "start") return stretch ? stretch.newStart + stretch.length : 0;
  const next = diff.unchanged[index + 1];
  return next ? next.newStart : diff.newLength;
}
