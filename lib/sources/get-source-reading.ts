import "server-only";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { SOURCE_SLUG_PATTERN } from "./source-metadata-schema.ts";
import { toSourceSummary } from "./to-source-summary.ts";
import type { SourceReading } from "./types.ts";

/**
 * A source as the reader shows it: metadata, the latest edition's (or edition `editionNumber`'s)
 * numbered sentences, its newest translation (if any, with its notes) and its editor's notes. Throws NotFoundError for an unknown slug or
 * edition, for a group's source `actor` is not a member of (`sourceReadWhere`), and for one that cannot be a slug (it came from the URL) before any query.
 */
export async function getSourceReading(
  slug: string,
  actor: Actor,
  editionNumber?: number,
): Promise<SourceReading> {
  if (slug.length > 200 || !SOURCE_SLUG_PATTERN.test(slug)) throw new NotFoundError("No such source");
  const row = await db.source.findUnique({
    where: { slug, ...sourceReadWhere(actor) },
    include: {
      editions: {
        where: editionNumber === undefined ? undefined : { number: editionNumber },
        orderBy: { number: "desc" },
        take: 1,
        include: {
          passages: { orderBy: { number: "asc" } },
          notes: { orderBy: { number: "asc" } },
          translations: {
            orderBy: { number: "desc" },
            take: 1,
            include: {
              sentences: { orderBy: { number: "asc" } },
              notes: { orderBy: { number: "asc" } },
            },
          },
        },
      },
    },
  });
  const edition = row?.editions[0];
  if (!row || !edition) throw new NotFoundError(`No source "${slug}"`);
  const translation = edition.translations[0];
  return {
    ...toSourceSummary(row, {
      number: edition.number,
      text: edition.text,
      passageCount: edition.passages.length,
    }),
    edition: {
      id: edition.id,
      number: edition.number,
      contentHash: edition.contentHash,
      createdAt: edition.createdAt.toISOString(),
    },
    passages: edition.passages.map((p) => ({
      number: p.number,
      start: p.start,
      end: p.end,
      text: edition.text.slice(p.start, p.end),
    })),
    translation: translation
      ? {
          language: translation.language,
          label: translation.label,
          number: translation.number,
          revision: translation.revision,
          revisedBy:
            translation.revisedByPl !== null && translation.revisedByEn !== null
              ? { pl: translation.revisedByPl, en: translation.revisedByEn }
              : null,
          revisedOn: translation.revisedOn,
          addedInApp: translation.addedInApp,
          translator: translation.translator || null,
          sentences: translation.sentences.map((s) => ({ number: s.number, text: s.text })),
          notes: translation.notes.map((n) => ({ number: n.number, sentence: n.sentence, body: n.body })),
        }
      : null,
    notes: edition.notes.map((note) => ({
      number: note.number,
      key: note.key,
      firstSentence: note.firstSentence,
      lastSentence: note.lastSentence,
      start: note.start,
      end: note.end,
      body: { pl: note.bodyPl, en: note.bodyEn },
    })),
  };
}
