import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import {
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
const optional = (tooLong: string, max = 2000) => text("formInvalid").trim().max(max, { error: tooLong });

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

const offset = z
  .number({ error: "draftInvalid" })
  .int({ error: "draftInvalid" })
  .min(0)
  .max(MAX_SOURCE_CHARACTERS);

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
      notes: z
        .array(
          z
            .object({
              at: offset,
              body: text("draftInvalid").trim().min(1).max(MAX_NOTE_CHARACTERS, { error: "draftInvalid" }),
            })
            .strict(),
          { error: "draftInvalid" },
        )
        .max(MAX_NOTES, { error: "draftInvalid" }),
    },
    { error: "draftInvalid" },
  )
  .strict()
  .refine((d) => sentencesFit(d.text, d.sentences) && sentencesCoverText(d.text, d.sentences), {
    error: "draftInvalid",
  })
  .refine((d) => d.notes.every((note) => note.at <= d.text.length), { error: "draftInvalid" });

/** What `createSource` takes: the metadata and the draft (text, corrected sentences, notes). */
export const NewSourceSchema = SourceFieldsSchema.extend({ draft: DraftSchema });
