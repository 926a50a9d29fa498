import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { env } from "@/lib/env";
import { invalidField } from "@/lib/http/errors";
import { PreviewStepSchema } from "./new-source-schema.ts";
import { readSourceFile } from "./read-source-file.ts";
import { MAX_NOTE_CHARACTERS, MAX_NOTES, MAX_SOURCE_CHARACTERS } from "./source-draft.ts";
import { parseInput } from "@/lib/http/parse-input";
import {
  alignmentOfLines,
  alignTranslation,
  carryLineNotes,
  insertEmptySegment,
  joinSegments,
  removeEmptySegment,
  splitSegment,
  type TranslationAlignment,
} from "./align-translation.ts";
import { getTranslatableSource } from "./get-translatable-source.ts";
import { previewDraft } from "./preview-source.ts";
import { AlignmentFieldSchema, AlignmentStepSchema } from "./translation-schema.ts";

/**
 * One step of aligning a translation before anything is saved, for those who may attach one to
 * `slug` (getTranslatableSource): "read" cuts a pasted or uploaded text into sentences exactly as
 * when a source is added (previewDraft, with its checks and messages: empty, too long, a binary or
 * non-UTF-8 file) and pairs them in order, or, in the "lines" format (a translation being revised),
 * takes each line as a segment and a blank line as an empty one (alignmentOfLines), the notes of the
 * alignment sent as `previous` kept on the lines left unchanged (carryLineNotes); "join", "split", "insert" and "remove" correct the
 * alignment the form sent back (AlignmentStepSchema; a split after no word of the segment is INVALID
 * on "split.<index>"). Writes nothing. A read TEI text's `<note>`s come in the alignment's `notes`,
 * at their offsets of the text, so the corrections carry them with their words (segmentNotes); more
 * than MAX_NOTES, or one longer than MAX_NOTE_CHARACTERS, is "translationNotesTooLarge".
 */
export async function previewTranslation(
  actor: Actor,
  slug: string,
  input: unknown,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<TranslationAlignment> {
  await getTranslatableSource(actor, slug, adminEmails);
  const read = input as { op?: unknown; format?: unknown } | null;
  if (read?.op === "read" && read.format === "lines") return readLines(read);
  if (read?.op === "read") {
    const { draft } = previewDraft(input);
    // Refused on reading, not on the next step (as a damaged form), if the alignment could not carry them.
    if (
      draft.notes.length > MAX_NOTES ||
      draft.notes.some((n) => n.body.trim().length > MAX_NOTE_CHARACTERS)
    ) {
      throw invalidField((input as { file?: unknown }).file ? "file" : "text", "translationNotesTooLarge");
    }
    return alignTranslation(draft.text, draft.sentences, draft.notes);
  }
  const step = parseInput(AlignmentStepSchema, input);
  switch (step.op) {
    case "join":
      return joinSegments(step.alignment, step.index);
    case "insert":
      return insertEmptySegment(step.alignment, step.index);
    case "remove":
      return removeEmptySegment(step.alignment, step.index);
    case "split":
      return splitSegment(step.alignment, step.index, step.words) ?? failSplit(step.index);
  }
}

function failSplit(index: number): never {
  throw invalidField(`split.${index}`, "splitWordInvalid");
}

/** A "read" step in the "lines" format, with the fields' and the file's checks of any other format. */
function readLines(input: object): TranslationAlignment {
  const step = parseInput(PreviewStepSchema, { ...input, format: "text" });
  if (step.op !== "read") throw invalidField("form", "formInvalid");
  const text = step.file ? readSourceFile(step.file.name, step.file.bytes).text : step.text;
  const field = step.file ? "file" : "text";
  const alignment = alignmentOfLines(text);
  if (!alignment) throw invalidField(field, "sourceTextEmpty");
  if (alignment.text.length > MAX_SOURCE_CHARACTERS) throw invalidField(field, "sourceTooLong");
  // The alignment the form held (a revised translation's, with its notes): a damaged one carries nothing.
  const previous = AlignmentFieldSchema.safeParse((input as { previous?: unknown }).previous);
  return previous.success ? carryLineNotes(previous.data, alignment) : alignment;
}
