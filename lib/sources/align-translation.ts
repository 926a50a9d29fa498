import { diffArrays } from "diff";
import { joinSentences } from "./join-sentences.ts";
import type { SentenceRange } from "./segment-sentences.ts";
import type { DraftNote } from "./source-draft.ts";
import { offsetAfterWord, splitSentence } from "./split-sentence.ts";

/**
 * A translation being aligned with its original: its text and the segments it is cut into, in
 * order. Segment i is paired with the original's sentence i + 1. A segment is a range of the text,
 * or null: an explicit empty segment (the translation leaves that sentence out), so the segments
 * after it pair with later sentences. Pure data: it travels through the form as JSON.
 *
 * `notes` are the translation's notes (a TEI text's `<note>`s), each at an offset of the text, as in
 * a source's draft. A note belongs to the segment its offset falls in (segmentNotes), never to a
 * segment index: joining, splitting, inserting or removing segments leaves the text and the notes
 * as they are, so each note stays with the words it follows. Absent: none.
 */
export interface TranslationAlignment {
  text: string;
  segments: (SentenceRange | null)[];
  notes?: DraftNote[];
}

/** How far an alignment pairs the original's sentences, for the editor's status and for saving. */
export interface AlignmentStatus {
  /** Original sentences with a segment (a range or an explicit empty one). */
  paired: number;
  /** Original sentences past the last segment. */
  missing: number;
  /** Segments past the original's last sentence (to join or remove before saving). */
  surplus: number;
  /** Every original sentence has exactly one segment: the alignment can be saved. */
  complete: boolean;
}

/**
 * The automatic alignment of a translation cut into `sentences`: one segment per sentence, paired in
 * order (one-to-one, complete, when the counts agree; otherwise the editor shows what is missing or
 * left over).
 */
export function alignTranslation(
  text: string,
  sentences: readonly SentenceRange[],
  notes: readonly DraftNote[] = [],
): TranslationAlignment {
  return {
    text,
    segments: sentences.map(({ start, end }) => ({ start, end })),
    notes: notes.map(({ at, body }) => ({ at, body })),
  };
}

/**
 * The notes of each segment, by segment index, in the order of the text: a note belongs to the last
 * segment with text that starts at or before its offset (a TEI `<note>` stands after the words it is
 * about, so one at a segment's end is that segment's), or to the first segment with text when it
 * stands before every segment. An empty segment never holds a note.
 */
export function segmentNotes(alignment: TranslationAlignment): DraftNote[][] {
  const bySegment: DraftNote[][] = alignment.segments.map(() => []);
  const first = alignment.segments.findIndex((segment) => segment !== null);
  if (first < 0) return bySegment;
  const notes = [...(alignment.notes ?? [])].sort((a, b) => a.at - b.at);
  let index = first;
  for (const note of notes) {
    // Notes come in the order of the text, and so do the segments: the search only moves forward.
    for (let next = index + 1; next < alignment.segments.length; next++) {
      const segment = alignment.segments[next];
      if (segment === null || segment === undefined) continue;
      if (segment.start > note.at) break;
      index = next;
    }
    bySegment[index]!.push(note);
  }
  return bySegment;
}

/**
 * The alignment with notes placed back from saved ones (`sentence` is the segment's number, from 1):
 * each at the end of its segment, so that segmentNotes gives it that segment again. A note whose
 * segment is missing or empty is left out.
 */
export function withSegmentNotes(
  alignment: TranslationAlignment,
  notes: readonly { sentence: number; body: string }[],
): TranslationAlignment {
  const placed = notes.flatMap(({ sentence, body }) => {
    const segment = alignment.segments[sentence - 1];
    return segment ? [{ at: segment.end, body }] : [];
  });
  return { ...alignment, notes: placed };
}

/** The status of `segments` against an original of `sentenceCount` sentences. */
export function alignmentStatus(sentenceCount: number, segments: readonly unknown[]): AlignmentStatus {
  const paired = Math.min(sentenceCount, segments.length);
  return {
    paired,
    missing: sentenceCount - paired,
    surplus: Math.max(0, segments.length - sentenceCount),
    complete: segments.length === sentenceCount,
  };
}

/**
 * Segment `index` joined with the next one: two ranges become one (the text between them with it);
 * an empty segment joined with a range leaves the range. The last segment, or an index outside the
 * list, leaves the alignment as it is.
 */
export function joinSegments(alignment: TranslationAlignment, index: number): TranslationAlignment {
  const { segments } = alignment;
  const first = segments[index];
  const second = segments[index + 1];
  if (!Number.isInteger(index) || first === undefined || second === undefined) return alignment;
  const joined = first && second ? joinSentences([first, second], 0)[0]! : (first ?? second);
  return { ...alignment, segments: [...segments.slice(0, index), joined, ...segments.slice(index + 2)] };
}

/**
 * Segment `index` split after its `words`-th word into two segments (the second pairs with the next
 * sentence, the later ones shift down by one). Null when no split is possible there: an empty
 * segment, a word number outside the segment, or one that would leave the second part empty.
 */
export function splitSegment(
  alignment: TranslationAlignment,
  index: number,
  words: number,
): TranslationAlignment | null {
  const segment = alignment.segments[index];
  if (!segment || !Number.isInteger(index)) return null;
  const offset = offsetAfterWord(alignment.text.slice(segment.start, segment.end), words);
  if (offset === null) return null;
  const parts = splitSentence(alignment.text, [segment], 0, offset);
  if (parts.length !== 2) return null;
  const { segments } = alignment;
  return { ...alignment, segments: [...segments.slice(0, index), ...parts, ...segments.slice(index + 1)] };
}

/**
 * An explicit empty segment inserted before segment `index` (or at the end, for the list's length):
 * the original's sentence there gets no translation, and the segments from `index` on pair with the
 * next sentences. An index outside 0…length leaves the alignment as it is.
 */
export function insertEmptySegment(alignment: TranslationAlignment, index: number): TranslationAlignment {
  const { segments } = alignment;
  if (!Number.isInteger(index) || index < 0 || index > segments.length) return alignment;
  return { ...alignment, segments: [...segments.slice(0, index), null, ...segments.slice(index)] };
}

/**
 * The empty segment `index` removed: the segments after it pair with the sentences before them. A
 * segment with text is never removed (its words would be lost): the alignment stays as it is.
 */
export function removeEmptySegment(alignment: TranslationAlignment, index: number): TranslationAlignment {
  const { segments } = alignment;
  if (!Number.isInteger(index) || segments[index] !== null) return alignment;
  return { ...alignment, segments: [...segments.slice(0, index), ...segments.slice(index + 1)] };
}

/** The text of each segment, in order ("" for an empty one): the translation's sentences as saved. */
export function segmentTexts(alignment: TranslationAlignment): string[] {
  return alignment.segments.map((s) => (s ? alignment.text.slice(s.start, s.end) : ""));
}

/**
 * The alignment of a translation given one segment per line (the "lines" format, in which a saved
 * translation is revised): each line a segment, a blank line an explicit empty segment. A line's
 * runs of spaces become one; one final line break is no segment (an editor adds it). Null when no
 * line holds text.
 */
export function alignmentOfLines(text: string): TranslationAlignment | null {
  const lines = text.split(/\r\n|\r|\n/u);
  if (lines.length > 1 && lines.at(-1)!.trim() === "") lines.pop();
  const alignment = alignmentOfSentences(lines);
  return alignment.segments.some((segment) => segment !== null) ? alignment : null;
}

/**
 * The alignment of a saved translation's sentences, to revise it, in the "lines" format: one
 * sentence per line, an empty sentence a blank line (alignmentOfLines reads the text back to the
 * same alignment; segmentTexts gives the sentences back). A sentence's own line breaks become
 * spaces.
 */
export function alignmentOfSentences(sentences: readonly string[]): TranslationAlignment {
  const lines = sentences.map((sentence) => sentence.replace(/\s+/gu, " ").trim());
  const segments: (SentenceRange | null)[] = [];
  let at = 0;
  for (const line of lines) {
    segments.push(line === "" ? null : { start: at, end: at + line.length });
    at += line.length + 1;
  }
  // A final blank line needs one more line break to outlast the one alignmentOfLines drops.
  const text = lines.join("\n") + (lines.length > 1 && lines.at(-1) === "" ? "\n" : "");
  return { text, segments };
}

/**
 * `next` (a text read again in the "lines" format) with the notes of `previous` (the alignment the
 * form held) carried to the lines that are unchanged: lines are matched in order as a whole
 * (jsdiff's `diffArrays`, runs of spaces ignored), and each note of a matched segment stands at the
 * same place in its new line. A note on a line that was edited, joined, split or removed is left
 * out (the caller says how many): which words of a changed line it was about, only its translator
 * knows.
 */
export function carryLineNotes(
  previous: TranslationAlignment,
  next: TranslationAlignment,
): TranslationAlignment {
  const notes = segmentNotes(previous);
  if (!notes.some((segment) => segment.length > 0)) return next;
  const words = (texts: string[]) => texts.map((line) => line.replace(/\s+/gu, " ").trim());
  const before = words(segmentTexts(previous));
  const after = words(segmentTexts(next));
  const carried: DraftNote[] = [];
  let old = 0;
  let now = 0;
  for (const part of diffArrays(before, after)) {
    const count = part.count ?? part.value.length;
    if (part.removed) old += count;
    else if (part.added) now += count;
    else {
      for (let i = 0; i < count; i++) {
        const from = previous.segments[old + i];
        const to = next.segments[now + i];
        if (!from || !to) continue;
        for (const note of notes[old + i]!) {
          const within = Math.min(Math.max(note.at - from.start, 0), to.end - to.start);
          carried.push({ at: to.start + within, body: note.body });
        }
      }
      old += count;
      now += count;
    }
  }
  return carried.length > 0 ? { ...next, notes: carried } : next;
}
