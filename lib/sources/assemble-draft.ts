import { segmentSentences, type SentenceRange } from "./segment-sentences.ts";
import type { DraftNote, SourceDraft } from "./source-draft.ts";

/** One paragraph of a text being added: its text, and its sentences if the format marks them. */
export interface DraftParagraph {
  text: string;
  /** Ranges of `text` that the source marks as sentences (TEI `<s>`); null: cut by `segmentSentences`. */
  marked: SentenceRange[] | null;
  /** Editorial notes, at offsets of `text`. */
  notes: DraftNote[];
}

/** Between two paragraphs of a source's text: a blank line. */
export const PARAGRAPH_BREAK = "\n\n";

/**
 * The draft of a text made of paragraphs: their texts joined by blank lines, each cut into sentences
 * (by its marked sentences, with any unmarked stretch between them cut by `segmentSentences`), so no
 * sentence runs across a paragraph. Empty paragraphs are left out.
 */
export function assembleDraft(paragraphs: readonly DraftParagraph[]): SourceDraft {
  let text = "";
  const sentences: SentenceRange[] = [];
  const notes: DraftNote[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.text.trim() === "") continue;
    if (text !== "") text += PARAGRAPH_BREAK;
    const base = text.length;
    text += paragraph.text;
    for (const range of sentencesOf(paragraph)) {
      sentences.push({ start: base + range.start, end: base + range.end });
    }
    for (const note of paragraph.notes) notes.push({ at: base + note.at, body: note.body });
  }
  return { text, sentences, notes };
}

function sentencesOf({ text, marked }: DraftParagraph): SentenceRange[] {
  if (marked === null || marked.length === 0) return segmentSentences(text);
  const ranges: SentenceRange[] = [];
  let position = 0;
  for (const range of [...marked].sort((a, b) => a.start - b.start)) {
    const trimmed = trimRange(text, range);
    if (trimmed.start < position || trimmed.end <= trimmed.start) continue;
    ranges.push(...gapSentences(text, position, trimmed.start), trimmed);
    position = trimmed.end;
  }
  ranges.push(...gapSentences(text, position, text.length));
  return ranges;
}

/** The sentences of an unmarked stretch between marked ones, at offsets of the whole paragraph. */
function gapSentences(text: string, from: number, to: number): SentenceRange[] {
  return segmentSentences(text.slice(from, to)).map((r) => ({ start: from + r.start, end: from + r.end }));
}

function trimRange(text: string, { start, end }: SentenceRange): SentenceRange {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}
