import { z } from "zod";
import { int4, text } from "@/lib/http/input-schemas";
import { draftNotesSchema, SourceFieldsSchema } from "./new-source-schema.ts";
import {
  MAX_SENTENCES,
  MAX_SOURCE_CHARACTERS,
  MAX_SOURCE_FILE_BYTES,
  sentencesCoverText,
  sentencesFit,
} from "./source-draft.ts";

const offset = z
  .number({ error: "alignmentInvalid" })
  .int({ error: "alignmentInvalid" })
  .min(0, { error: "alignmentInvalid" })
  .max(MAX_SOURCE_CHARACTERS, { error: "alignmentInvalid" });

/**
 * An alignment as the editor sends it back (TranslationAlignment): the text within the size limit,
 * its non-empty segments cutting all of it validly (in order, trimmed, nothing of the text left out),
 * empty segments as null, and its notes (if any: at most MAX_NOTES, each of at most
 * MAX_NOTE_CHARACTERS, at an offset inside the text). Anything else, a tampered or stale form, is
 * "alignmentInvalid".
 */
export const AlignmentSchema = z
  .object(
    {
      text: text("alignmentInvalid")
        .max(MAX_SOURCE_CHARACTERS, { error: "sourceTooLong" })
        .refine((value) => value.trim() !== "", { error: "sourceTextEmpty" }),
      segments: z
        .array(z.object({ start: offset, end: offset }).strict().nullable(), { error: "alignmentInvalid" })
        .max(MAX_SENTENCES, { error: "alignmentInvalid" }),
      notes: draftNotesSchema(offset, "alignmentInvalid").optional(),
    },
    { error: "alignmentInvalid" },
  )
  .strict()
  .refine(
    ({ text: value, segments }) => {
      const ranges = segments.filter((s) => s !== null);
      return sentencesFit(value, ranges) && sentencesCoverText(value, ranges);
    },
    { error: "alignmentInvalid" },
  )
  .refine(({ text: value, notes }) => (notes ?? []).every((note) => note.at <= value.length), {
    error: "alignmentInvalid",
  });

/** An alignment as the form's hidden field carries it: JSON (anything else: "alignmentInvalid"). */
export const AlignmentFieldSchema = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}, AlignmentSchema);

const segmentIndex = z.coerce
  .number({ error: "alignmentInvalid" })
  .pipe(int4("alignmentInvalid").max(MAX_SENTENCES, { error: "alignmentInvalid" }));

/**
 * One correction of an alignment in the editor: join segment `index` with the next, split it after
 * its `words`-th word, insert an empty segment before it, or remove the empty segment there. (Reading
 * a text into an alignment is the add-a-source preview's "read" step.)
 */
export const AlignmentStepSchema = z.discriminatedUnion(
  "op",
  [
    z.object({ op: z.literal("join"), alignment: AlignmentFieldSchema, index: segmentIndex }),
    z.object({
      op: z.literal("split"),
      alignment: AlignmentFieldSchema,
      index: segmentIndex,
      words: z.coerce
        .number({ error: "splitWordInvalid" })
        .pipe(int4("splitWordInvalid", { min: 1 }).max(MAX_SOURCE_CHARACTERS, { error: "splitWordInvalid" })),
    }),
    z.object({ op: z.literal("insert"), alignment: AlignmentFieldSchema, index: segmentIndex }),
    z.object({ op: z.literal("remove"), alignment: AlignmentFieldSchema, index: segmentIndex }),
  ],
  { error: "formInvalid" },
);

/**
 * A translation to attach (the form's fields): its language (a code such as en, checked against the
 * original's by the service), a label ("English translation by …"), who translated or revised it
 * (optional), the number of the edition it was aligned with, the alignment as previewed, and the
 * text field with its format as the form shows them on saving (blank when a file was read).
 */
export const NewTranslationSchema = z.object(
  {
    language: SourceFieldsSchema.shape.language,
    label: text("formInvalid")
      .trim()
      .min(1, { error: "translationLabelRequired" })
      .max(300, { error: "sourceFieldTooLong" }),
    translator: text("formInvalid").trim().max(300, { error: "sourceFieldTooLong" }).default(""),
    edition: z.coerce.number({ error: "translationStale" }).pipe(int4("translationStale", { min: 1 })),
    alignment: AlignmentFieldSchema,
    /** The text field and format as the form shows them when saved (checked against the alignment). */
    text: text("formInvalid").max(MAX_SOURCE_FILE_BYTES, { error: "sourceTooLong" }).default(""),
    format: text("formInvalid").max(20, { error: "formInvalid" }).default(""),
  },
  { error: "formInvalid" },
);

export type NewTranslationInput = z.input<typeof NewTranslationSchema>;

/** The form's fields kept as typed on every answer (nothing typed is lost on an error). */
export const TRANSLATION_FIELD_NAMES = [
  "language",
  "label",
  "translator",
  "edition",
  "format",
  "text",
] as const;
