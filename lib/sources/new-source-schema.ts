import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import {
  MAX_SOURCE_FILE_BYTES,
  MAX_NOTE_CHARACTERS,
  MAX_NOTES,
  MAX_SENTENCES,
  MAX_SOURCE_CHARACTERS,
  sentencesCoverText,
  sentencesFit,
} from "./source-draft.ts";

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const required = (missing: string, tooLong: string, max: number) =>
  text("formInvalid").trim().min(1, { error: missing }).max(max, { error: tooLong });
/** A field that may stay empty (or be left out: then it is empty). */
const optional = (tooLong: string, max = 2000) =>
  text("formInvalid").trim().max(max, { error: tooLong }).default("");

/**
 * A source's metadata as the add-a-source form sends it: the same fields as a built-in source's
 * source.yaml (titles in both languages, date, place, issuer, kind, language, publication, licence,
 * what it is about). Titles, kind, language and date are required; the rest may stay empty. Each
 * field's error is an i18n key under "errors", shown beside the field.
 */
export const SourceFieldsSchema = z.object(
  {
    titlePl: required("sourceTitleRequired", "sourceTitleTooLong", 300),
    titleEn: required("sourceTitleRequired", "sourceTitleTooLong", 300),
    aboutPl: optional("sourceFieldTooLong", 4000),
    aboutEn: optional("sourceFieldTooLong", 4000),
    kind: z.enum(["primary", "summary", "translation"], { error: "sourceKindInvalid" }),
    language: text("formInvalid")
      .trim()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u, { error: "sourceLanguageInvalid" })
      .max(35, { error: "sourceLanguageInvalid" }),
    date: text("formInvalid")
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}$/u, { error: "sourceDateInvalid" })
      .refine(isCalendarDate, { error: "sourceDateInvalid" }),
    placePl: optional("sourceFieldTooLong"),
    placeEn: optional("sourceFieldTooLong"),
    issuerPl: optional("sourceFieldTooLong"),
    issuerEn: optional("sourceFieldTooLong"),
    publicationPl: optional("sourceFieldTooLong"),
    publicationEn: optional("sourceFieldTooLong"),
    licencePl: optional("sourceFieldTooLong"),
    licenceEn: optional("sourceFieldTooLong"),
  },
  { error: "formInvalid" },
);

export type SourceFields = z.infer<typeof SourceFieldsSchema>;
export const SOURCE_FIELD_NAMES = Object.keys(SourceFieldsSchema.shape) as (keyof SourceFields)[];

const sentenceIndex = z.coerce
  .number({ error: "draftInvalid" })
  .int({ error: "draftInvalid" })
  .min(0, { error: "draftInvalid" })
  .max(MAX_SENTENCES, { error: "draftInvalid" });

const offset = z
  .number({ error: "draftInvalid" })
  .int({ error: "draftInvalid" })
  .min(0)
  .max(MAX_SOURCE_CHARACTERS);

/**
 * A draft's notes (DraftNote), as a source's draft or a translation's alignment carries them: at most
 * MAX_NOTES, each at an `offset` of the text, its body trimmed and of 1 to MAX_NOTE_CHARACTERS
 * characters; anything else is `error`.
 */
export function draftNotesSchema(offset: z.ZodNumber, error: string) {
  return z
    .array(
      z
        .object({
          at: offset,
          body: text(error).trim().min(1, { error }).max(MAX_NOTE_CHARACTERS, { error }),
        })
        .strict(),
      { error },
    )
    .max(MAX_NOTES, { error });
}

/**
 * A draft as the preview form sends it back (see SourceDraft): the text within the size limit, its
 * sentences cutting all of it validly, its notes inside it. Anything else, a tampered or stale form,
 * is "draftInvalid".
 */
export const DraftSchema = z
  .object(
    {
      text: text("draftInvalid")
        .max(MAX_SOURCE_CHARACTERS, { error: "sourceTooLong" })
        .refine((value) => value.trim() !== "", { error: "sourceTextEmpty" }),
      sentences: z
        .array(z.object({ start: offset, end: offset }).strict(), { error: "draftInvalid" })
        .max(MAX_SENTENCES, { error: "draftInvalid" }),
      notes: draftNotesSchema(offset, "draftInvalid"),
    },
    { error: "draftInvalid" },
  )
  .strict()
  .refine((d) => sentencesFit(d.text, d.sentences) && sentencesCoverText(d.text, d.sentences), {
    error: "draftInvalid",
  })
  .refine((d) => d.notes.every((note) => note.at <= d.text.length), { error: "draftInvalid" });

/** A draft as the form's hidden field carries it: JSON of a SourceDraft (anything else: "draftInvalid"). */
export const DraftFieldSchema = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}, DraftSchema);

/**
 * What `createSource` takes: the metadata and the draft (text, corrected sentences, notes), the draft
 * as an object or as the preview form's JSON.
 */
export const NewSourceSchema = SourceFieldsSchema.extend({ draft: DraftFieldSchema });

/** The formats a source's text may come in. */
export const SOURCE_FORMATS = ["text", "markdown", "tei"] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

/**
 * One step of the preview before a source is saved: read a text (pasted or from a file) into a
 * draft, or join a sentence with the next, or split one after its `words`-th word.
 */
export const PreviewStepSchema = z.discriminatedUnion(
  "op",
  [
    z.object({
      op: z.literal("read"),
      format: z.enum(SOURCE_FORMATS, { error: "sourceFormatInvalid" }),
      /** The raw input: TEI XML is longer than its text, so its limit is the file's. */
      text: text("textInvalid").max(MAX_SOURCE_FILE_BYTES, { error: "sourceTooLong" }),
      /** An uploaded file, read instead of `text` (its name says its format). */
      file: z
        .object({
          name: text("sourceFileType").max(255, { error: "sourceFileType" }),
          bytes: z.instanceof(Uint8Array),
        })
        .optional(),
    }),
    z.object({ op: z.literal("join"), draft: DraftFieldSchema, index: sentenceIndex }),
    z.object({
      op: z.literal("split"),
      draft: DraftFieldSchema,
      index: sentenceIndex,
      words: z.coerce
        .number({ error: "splitWordInvalid" })
        .int({ error: "splitWordInvalid" })
        .min(1, { error: "splitWordInvalid" })
        .max(MAX_SOURCE_CHARACTERS, { error: "splitWordInvalid" }),
    }),
  ],
  { error: "formInvalid" },
);
