import { z } from "zod";
import { parseYamlFile } from "./parse-yaml-file.ts";
import type { SentenceRange } from "./segment-sentences.ts";
import { SourceFileError } from "./source-file-error.ts";

/** The editor's notes of a source folder: the editorial apparatus of its text. */
export const NOTES_FILE = "notes.yaml";

const noteBody = z.string().trim().min(1).max(4000);

const NotesFileSchema = z
  .object({
    notes: z
      .array(
        z
          .object({
            key: z
              .string()
              .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens")
              .max(80),
            /** One sentence (3) or a range of sentences ("3-4"). */
            sentences: z.union([
              z.number().int().min(1),
              z.string().regex(/^\d+-\d+$/, "must be a sentence number or a range such as 3-4"),
            ]),
            /** Narrows the note to these words of its sentences (they must occur there exactly once). */
            quote: z.string().min(1).max(2000).optional(),
            pl: noteBody,
            en: noteBody,
          })
          .strict(),
      )
      .max(500),
  })
  .strict();

/** One editor's note, resolved against the text it is about. */
export interface EditorialNoteEntry {
  key: string;
  /** Its place in the apparatus (in the order of the text), from 1. */
  number: number;
  firstSentence: number;
  lastSentence: number;
  /** The passage the note is about: UTF-16 offsets into the text, end exclusive. */
  start: number;
  end: number;
  body: { pl: string; en: string };
}

/**
 * Parses `notes.yaml` (`file`, named relative to the sources folder) against the text and its
 * sentences: every note names sentences the text has and, with `quote`, words found exactly once in
 * them. The notes come back in the order of the text (by where their passage starts, then ends),
 * numbered from 1. Any problem throws a SourceFileError naming the line.
 */
export function parseEditorialNotes(
  file: string,
  source: string,
  text: string,
  sentences: SentenceRange[],
): EditorialNoteEntry[] {
  const { data, lineOf } = parseYamlFile(file, source, NotesFileSchema);
  const seen = new Set<string>();
  const notes = data.notes.map((note, index) => {
    const fail = (key: string, message: string): never => {
      throw new SourceFileError(file, lineOf(["notes", index, key]), message);
    };
    if (seen.has(note.key)) fail("key", `key "${note.key}" is used twice`);
    seen.add(note.key);
    const [firstSentence, lastSentence] =
      typeof note.sentences === "number"
        ? [note.sentences, note.sentences]
        : note.sentences.split("-").map(Number);
    if (firstSentence! < 1 || firstSentence! > lastSentence! || lastSentence! > sentences.length) {
      fail(
        "sentences",
        `the text has sentences 1–${sentences.length}; "${note.sentences}" is not among them`,
      );
    }
    let start = sentences[firstSentence! - 1]!.start;
    let end = sentences[lastSentence! - 1]!.end;
    if (note.quote !== undefined) {
      const at = text.indexOf(note.quote, start);
      if (at < 0 || at + note.quote.length > end) fail("quote", "the quote is not in these sentences");
      if (
        text.indexOf(note.quote, at + 1) >= 0 &&
        text.indexOf(note.quote, at + 1) + note.quote.length <= end
      )
        fail("quote", "the quote occurs more than once in these sentences: quote more words");
      start = at;
      end = at + note.quote.length;
    }
    return {
      key: note.key,
      number: 0,
      firstSentence: firstSentence!,
      lastSentence: lastSentence!,
      start,
      end,
      body: { pl: note.pl, en: note.en },
    };
  });
  notes.sort((a, b) => a.start - b.start || a.end - b.end);
  return notes.map((note, i) => ({ ...note, number: i + 1 }));
}
