import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { EXPORT_FORMATS } from "./export-formats.ts";

/**
 * The query of an export: `format` (jsonld, the default; csv; markdown), `locale` for the words in
 * the file (pl, the default, or en; anything else is read as pl, as the progress CSV does), and
 * `page=1` for the JSON-LD collection's one page as a document of its own.
 */
export const ExportQuerySchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "exportFormatInvalid" }).default("jsonld"),
  locale: text()
    .optional()
    .transform((value): Locale => (value !== undefined && isLocale(value) ? value : "pl")),
  page: z.literal("1", { error: "exportPageInvalid" }).optional(),
});

/** The query of an annotation's own JSON-LD document. */
export const WebAnnotationQuerySchema = z.object({
  locale: text()
    .optional()
    .transform((value): Locale => (value !== undefined && isLocale(value) ? value : "pl")),
});
