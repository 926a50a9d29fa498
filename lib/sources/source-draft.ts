import type { SentenceRange } from "./segment-sentences.ts";

/**
 * A source being added, before it is saved: its text (paragraphs separated by a blank line), the
 * sentences it is cut into (UTF-16 ranges of the text, in order, never overlapping, each without white
 * space at either end) and the editor's notes, each at an offset of the text (the place of a TEI
 * `<note>`). Pure data: it travels through the preview form as JSON and is checked again on every step
 * (`DraftSchema`), so a tampered form cannot save ranges that do not fit the text.
 */
export interface SourceDraft {
  text: string;
  sentences: SentenceRange[];
  notes: DraftNote[];
}

export interface DraftNote {
  /** UTF-16 offset in the text where the note stands (it is about the sentence holding it). */
  at: number;
  body: string;
}

/** The most characters a source's text may have: 500,000 (a collection of book chapters). */
export const MAX_SOURCE_CHARACTERS = 500_000;

/** The most bytes an uploaded file may have: 2 MB, the text limit in UTF-8 with room for TEI markup. */
export const MAX_SOURCE_FILE_BYTES = 2 * 1024 * 1024;

/** The most sentences an edition may be cut into (one per two characters would already be absurd). */
export const MAX_SENTENCES = 50_000;

/** The most editorial notes a draft may carry. */
export const MAX_NOTES = 2_000;

/** The longest editorial note, in characters (the same as notes.yaml allows). */
export const MAX_NOTE_CHARACTERS = 4_000;

/** Whether `sentences` cut `text` as a draft must: in order, disjoint, non-empty, trimmed. */
export function sentencesFit(text: string, sentences: readonly SentenceRange[]): boolean {
  let previousEnd = 0;
  for (const { start, end } of sentences) {
    if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
    if (start < previousEnd || end <= start || end > text.length) return false;
    if (/\s/u.test(text[start]!) || /\s/u.test(text[end - 1]!)) return false;
    previousEnd = end;
  }
  return sentences.length > 0;
}

/** Whether every non-space character of `text` lies in a sentence (nothing of the text is left out). */
export function sentencesCoverText(text: string, sentences: readonly SentenceRange[]): boolean {
  let position = 0;
  for (const { start, end } of sentences) {
    if (text.slice(position, start).trim() !== "") return false;
    position = end;
  }
  return text.slice(position).trim() === "";
}

/** The index of the sentence holding offset `at` (a note's place), or of the last one before it. */
export function sentenceAt(sentences: readonly SentenceRange[], at: number): number {
  let found = 0;
  for (let i = 0; i < sentences.length; i++) {
    if (sentences[i]!.start <= at) found = i;
    else break;
  }
  return found;
}
