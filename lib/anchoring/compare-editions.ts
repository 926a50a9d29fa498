import { diffEditions, type UnchangedStretch } from "./diff-editions.ts";

/** One edition as the comparison reads it: its text and its numbered sentences (offsets into the text). */
export interface ComparedEdition {
  text: string;
  sentences: readonly { number: number; start: number; end: number }[];
}

/**
 * How a run of a sentence's words differs in the other edition: `same` reads alike in both; `deleted`
 * (old side) is gone from the new edition; `inserted` (new side) was not in the old one; `changed`
 * was replaced by other words (a correction: the old words on one side, the new on the other).
 */
export type RunChange = "same" | "inserted" | "deleted" | "changed";

export interface ComparedRun {
  text: string;
  change: RunChange;
  /** For a run that is not `same`: the index of its change in `EditionComparison.changes`. */
  changeIndex?: number;
}

export interface ComparedSentence {
  number: number;
  runs: ComparedRun[];
}

/**
 * Sentences of the two editions that correspond, shown side by side: usually one and one; a sentence
 * split in two gives one and two; a deleted sentence has nothing on the new side, an inserted one
 * nothing on the old side.
 */
export interface ComparedRow {
  old: ComparedSentence[];
  new: ComparedSentence[];
  /** The changes whose words are in this row, in order (empty: the row reads the same in both). */
  changes: number[];
}

/** A change between the editions as a reader counts it: words taken out, words put in, or words replaced. */
export type ChangeKind = "deletion" | "insertion" | "correction";

export interface EditionComparison {
  rows: ComparedRow[];
  changes: ChangeKind[];
  /**
   * False when the editions are too different to compare word by word (diffEditions gives up): then
   * every sentence is shown as changed, paired in order.
   */
  complete: boolean;
}

interface Segment {
  start: number;
  end: number;
  change: RunChange;
  changeIndex?: number;
}

const hasWords = (text: string) => /\S/u.test(text);

/**
 * Unchanged text shorter than this (characters, white space aside) between two changes is shown as
 * part of one change: a rewritten sentence that keeps "nie" or "the" reads as rewritten, not as a
 * dozen changes around the little words it kept.
 */
export const MIN_KEPT_LENGTH = 5;

/**
 * A text with every run of white space as one space, and where each of its offsets is in the
 * original (`toOriginal`, one more entry for the end) and back (`toFolded`), so that a change of
 * white space alone (a line broken elsewhere, a double space) is no difference at all.
 */
function foldSpace(text: string) {
  const toOriginal = new Int32Array(text.length + 1);
  const toFolded = new Int32Array(text.length + 1);
  let length = 0;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!(space && inSpace)) toOriginal[length++] = i;
    toFolded[i] = length - 1;
    inSpace = space;
  }
  toOriginal[length] = text.length;
  toFolded[text.length] = length;
  // The same runs as isSpace's, so the folded text and the two maps agree.
  return { text: text.replace(/\s+/gu, " "), toOriginal: toOriginal.subarray(0, length + 1), toFolded };
}

/** White space as `\s` knows it, without a regular expression per character. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Drops kept stretches too short to read as kept (MIN_KEPT_LENGTH) unless they begin or end both texts. */
function readableStretches(stretches: UnchangedStretch[], older: string, newer: string): UnchangedStretch[] {
  return stretches.filter(
    ({ oldStart, newStart, length }) =>
      (oldStart === 0 && newStart === 0) ||
      (oldStart + length === older.length && newStart + length === newer.length) ||
      older.slice(oldStart, oldStart + length).trim().length >= MIN_KEPT_LENGTH,
  );
}

/**
 * Compares two editions word by word for reading side by side, as the Versioning Machine shows
 * witnesses: the difference is diffEditions' (sentence-like chunks, then words inside changed runs),
 * a change that only moves white space counts as none, and sentences are aligned by the unchanged
 * text they share, so a deleted sentence stands alone and a corrected one beside its old reading.
 * Linear in the texts' length beyond the diff itself.
 */
export function compareEditions(older: ComparedEdition, newer: ComparedEdition): EditionComparison {
  const oldFolded = foldSpace(older.text);
  const newFolded = foldSpace(newer.text);
  const diff = diffEditions(oldFolded.text, newFolded.text);
  const oldSegments: Segment[] = [];
  const newSegments: Segment[] = [];
  const changes: ChangeKind[] = [];
  const links: [number, number][] = [];
  const inFolded = (sentences: ComparedEdition["sentences"], toFolded: Int32Array) =>
    sentences.map(({ start, end }) => ({ start: toFolded[start]!, end: toFolded[end]! }));
  const linker = sentenceLinker(
    inFolded(older.sentences, oldFolded.toFolded),
    inFolded(newer.sentences, newFolded.toFolded),
    links,
  );

  // Offsets below are in the folded texts; segments are cut in the originals.
  const oldAt0 = (offset: number) => oldFolded.toOriginal[offset]!;
  const newAt0 = (offset: number) => newFolded.toOriginal[offset]!;
  let oldAt = 0;
  let newAt = 0;
  const gap = (foldedOldEnd: number, foldedNewEnd: number) => {
    const oldEnd = oldAt0(foldedOldEnd);
    const newEnd = newAt0(foldedNewEnd);
    if (oldEnd <= oldAt && newEnd <= newAt) return;
    const oldWords = hasWords(older.text.slice(oldAt, oldEnd));
    const newWords = hasWords(newer.text.slice(newAt, newEnd));
    if (!oldWords && !newWords) {
      // White space only: the same reading, though not text the sentences can be aligned by.
      oldSegments.push({ start: oldAt, end: oldEnd, change: "same" });
      newSegments.push({ start: newAt, end: newEnd, change: "same" });
      return;
    }
    const changeIndex = changes.length;
    changes.push(oldWords && newWords ? "correction" : oldWords ? "deletion" : "insertion");
    const oldChange = newWords ? "changed" : "deleted";
    const newChange = oldWords ? "changed" : "inserted";
    oldSegments.push({ start: oldAt, end: oldEnd, change: oldChange, changeIndex });
    newSegments.push({ start: newAt, end: newEnd, change: newChange, changeIndex });
  };
  for (const stretch of readableStretches(diff.unchanged, oldFolded.text, newFolded.text)) {
    gap(stretch.oldStart, stretch.newStart);
    oldAt = oldAt0(stretch.oldStart + stretch.length);
    newAt = newAt0(stretch.newStart + stretch.length);
    oldSegments.push({ start: oldAt0(stretch.oldStart), end: oldAt, change: "same" });
    newSegments.push({ start: newAt0(stretch.newStart), end: newAt, change: "same" });
    linker(stretch.oldStart, stretch.newStart, stretch.length);
  }
  gap(oldFolded.text.length, newFolded.text.length);

  const oldSentences = sentenceRuns(older, oldSegments);
  const newSentences = sentenceRuns(newer, newSegments);
  return { rows: alignRows(oldSentences, newSentences, links), changes, complete: diff.complete };
}

/**
 * Records which old sentence shares unchanged text with which new one: called with each unchanged
 * stretch in order, it walks both sentence lists once (two pointers), adding a link [old, new] (list
 * indices) for every piece of the stretch that lies inside a sentence on both sides.
 */
function sentenceLinker(
  oldSentences: readonly { start: number; end: number }[],
  newSentences: readonly { start: number; end: number }[],
  links: [number, number][],
) {
  let i = 0;
  let j = 0;
  return (oldStart: number, newStart: number, length: number) => {
    const shift = newStart - oldStart;
    let at = oldStart;
    const end = oldStart + length;
    while (at < end) {
      while (i < oldSentences.length && oldSentences[i]!.end <= at) i++;
      while (j < newSentences.length && newSentences[j]!.end <= at + shift) j++;
      const oldSentence = oldSentences[i];
      const newSentence = newSentences[j];
      if (!oldSentence || !newSentence) return;
      const from = Math.max(at, oldSentence.start, newSentence.start - shift);
      const to = Math.min(end, oldSentence.end, newSentence.end - shift);
      if (from < to && from >= oldSentence.start && from + shift >= newSentence.start) {
        const last = links.at(-1);
        if (!last || last[0] !== i || last[1] !== j) links.push([i, j]);
      }
      // On to the next boundary of either sentence (or the stretch's end).
      at = Math.max(at + 1, Math.min(end, oldSentence.end, newSentence.end - shift));
    }
  };
}

/** Each sentence's runs: the segments it overlaps, cut to it, neighbours of one kind joined. */
function sentenceRuns(edition: ComparedEdition, segments: readonly Segment[]): ComparedSentence[] {
  let k = 0;
  return edition.sentences.map(({ number, start, end }) => {
    const runs: ComparedRun[] = [];
    while (k < segments.length && segments[k]!.end <= start) k++;
    for (let s = k; s < segments.length && segments[s]!.start < end; s++) {
      const segment = segments[s]!;
      const text = edition.text.slice(Math.max(start, segment.start), Math.min(end, segment.end));
      if (!text) continue;
      const last = runs.at(-1);
      if (last && last.change === segment.change && last.changeIndex === segment.changeIndex) {
        last.text += text;
      } else {
        runs.push({
          text,
          change: segment.change,
          ...(segment.changeIndex !== undefined && { changeIndex: segment.changeIndex }),
        });
      }
    }
    return { number, runs };
  });
}

/**
 * Rows from the links (ordered in both indices, as the diff is): linked sentences that overlap form one
 * row; sentences between two rows that share nothing are paired in order (a rewritten sentence
 * beside its old reading), the rest alone (deleted or inserted).
 */
function alignRows(
  oldSentences: ComparedSentence[],
  newSentences: ComparedSentence[],
  links: readonly [number, number][],
): ComparedRow[] {
  const rows: ComparedRow[] = [];
  const push = (old: ComparedSentence[], neu: ComparedSentence[]) => {
    const changes = new Set<number>();
    for (const sentence of [...old, ...neu]) {
      for (const run of sentence.runs) if (run.changeIndex !== undefined) changes.add(run.changeIndex);
    }
    rows.push({ old, new: neu, changes: [...changes].sort((a, b) => a - b) });
  };
  let nextOld = 0;
  let nextNew = 0;
  const unlinkedUpTo = (oldEnd: number, newEnd: number) => {
    const old = oldSentences.slice(nextOld, oldEnd);
    const neu = newSentences.slice(nextNew, newEnd);
    for (let k = 0; k < Math.max(old.length, neu.length); k++) {
      push(old[k] ? [old[k]!] : [], neu[k] ? [neu[k]!] : []);
    }
    nextOld = Math.max(nextOld, oldEnd);
    nextNew = Math.max(nextNew, newEnd);
  };
  let group: { oldFrom: number; oldTo: number; newFrom: number; newTo: number } | null = null;
  const close = () => {
    if (!group) return;
    push(
      oldSentences.slice(group.oldFrom, group.oldTo + 1),
      newSentences.slice(group.newFrom, group.newTo + 1),
    );
    nextOld = group.oldTo + 1;
    nextNew = group.newTo + 1;
    group = null;
  };
  for (const [i, j] of links) {
    if (group && (i <= group.oldTo || j <= group.newTo)) {
      group.oldTo = Math.max(group.oldTo, i);
      group.newTo = Math.max(group.newTo, j);
      continue;
    }
    close();
    unlinkedUpTo(i, j);
    group = { oldFrom: i, oldTo: i, newFrom: j, newTo: j };
  }
  close();
  unlinkedUpTo(oldSentences.length, newSentences.length);
  return rows;
}
