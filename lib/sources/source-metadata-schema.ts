import { z } from "zod";

const localized = z
  .object({ pl: z.string().trim().min(1).max(2000), en: z.string().trim().min(1).max(2000) })
  .strict();

/** At most four words: what Chicago's short notes and MLA's and APA's in-text citations allow. */
const MAX_SHORT_TITLE_WORDS = 4;

const shortTitle = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .refine((value) => value.split(/\s+/u).length <= MAX_SHORT_TITLE_WORDS, "must be at most four words");

function isCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A source's slug: lower-case words joined by hyphens (its folder name and its URL). */
export const SOURCE_SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The metadata file of a source folder (`sources/<slug>/source.yaml`). */
export const SourceMetadataSchema = z
  .object({
    slug: z
      .string()
      .regex(SOURCE_SLUG_PATTERN, "must be lower-case words joined by hyphens, e.g. kuty-directive")
      .max(80),
    kind: z.enum(["summary", "primary", "translation"]),
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a language tag such as pl or en"),
    title: localized,
    /** What citations need beyond the title: its short form, and the English title in sentence style. */
    citation: z
      .object({
        titleShort: z.object({ pl: shortTitle, en: shortTitle }).strict(),
        titleEnSentenceStyle: z.string().trim().min(1).max(2000),
      })
      .strict(),
    about: localized,
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD (in quotes)")
      .refine(isCalendarDate, "is not a real calendar date"),
    place: localized,
    issuer: localized,
    /** Whether the people in `issuer` issued the document (the default) or signed it. */
    issuerRole: z.enum(["issuer", "signatories"]).default("issuer"),
    publication: localized,
    licence: localized,
    translation: z
      .object({
        language: z.string().regex(/^[a-z]{2,3}$/, "must be a language code such as en"),
        label: z.string().trim().min(1).max(200),
        /** The edition of the translation: raised with every revision of its text. */
        edition: z.number().int().min(1).max(1000).optional(),
        /** Who made this edition of the translation, and when. */
        revised_by: z
          .object({ pl: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) })
          .strict()
          .optional(),
        revised_on: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD (in quotes)")
          .refine(isCalendarDate, "is not a real calendar date")
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type SourceMetadata = z.infer<typeof SourceMetadataSchema>;
