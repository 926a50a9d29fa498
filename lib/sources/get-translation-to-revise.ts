import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { alignmentOfSentences, type TranslationAlignment, withSegmentNotes } from "./align-translation.ts";
import type { TranslatableSource } from "./get-translatable-source.ts";
import { getTranslatableSource } from "./get-translatable-source.ts";

/** A saved translation as the add-a-translation form starts from it, to be revised and saved anew. */
export interface TranslationToRevise {
  /** The edition it was attached to: the latest, or an earlier one after the text was revised. */
  edition: number;
  number: number;
  /** Attached in the app, so it may be removed (removeTranslation); not the sources/ folder's. */
  addedInApp: boolean;
  values: { language: string; label: string; translator: string; text: string; format: "lines" };
  alignment: TranslationAlignment;
}

/**
 * The translation the reader shows for `slug` (the newest of its latest edition) or, when the
 * latest edition has none yet (the text was revised after it was translated), the newest of the
 * latest edition that has one: for whoever may attach a translation (getTranslatableSource, whose
 * refusals it shares). Null when the source has no translation. Saving the revised form attaches a
 * new translation to the latest edition; the one revised stays as it was.
 *
 * Its notes (a TEI translation's) start in the alignment, each at the end of its sentence's line, so
 * the editor shows them and joining, splitting, inserting or removing segments keeps them. The
 * "lines" format holds the sentences only: reading the text field again aligns the lines anew, and
 * only the lines read back unchanged keep their notes (carryLineNotes; the form says how many were
 * left out). The translation revised keeps its own.
 */
export async function getTranslationToRevise(
  actor: Actor,
  slug: string,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<{ source: TranslatableSource; translation: TranslationToRevise | null }> {
  const source = await getTranslatableSource(actor, slug, adminEmails);
  const row = await db.translation.findFirst({
    where: { edition: { sourceId: source.id } },
    orderBy: [{ edition: { number: "desc" } }, { number: "desc" }],
    select: {
      number: true,
      language: true,
      label: true,
      translator: true,
      addedInApp: true,
      revisedByEn: true,
      edition: { select: { number: true } },
      sentences: { orderBy: { number: "asc" }, select: { text: true } },
      notes: { orderBy: { number: "asc" }, select: { sentence: true, body: true } },
    },
  });
  if (!row) return { source, translation: null };
  const lines = alignmentOfSentences(row.sentences.map((s) => s.text));
  const alignment = row.notes.length > 0 ? withSegmentNotes(lines, row.notes) : lines;
  return {
    source,
    translation: {
      edition: row.edition.number,
      number: row.number,
      addedInApp: row.addedInApp,
      values: {
        language: row.language,
        label: row.label,
        translator: row.translator ?? row.revisedByEn ?? "",
        text: alignment.text,
        format: "lines",
      },
      alignment,
    },
  };
}
