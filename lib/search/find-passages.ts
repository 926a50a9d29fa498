import "server-only";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import { dbReads } from "@/lib/db";
import type { StoredReading } from "@/lib/assignments/reading-bounds";
import { readingSentencesWhere } from "./assignment-where.ts";
import { findHighlights, makeSnippet } from "./highlight-snippet.ts";
import type { SearchTerm } from "./parse-search-query.ts";
import { termsWhere } from "./terms-where.ts";
import type { PassageResult, ResultGroup, SearchSource } from "./types.ts";

interface LatestEdition {
  id: string;
  sourceId: string;
  source: SearchSource;
  /** The newest translation of the edition, if any. */
  translationId: string | null;
}

/**
 * The latest edition of each source `actor` may read (or of the one named), with its newest
 * translation: what the reader shows, so what search finds. Sources are few; this is one small read.
 */
async function latestEditions(actor: Actor, sourceSlug: string | undefined): Promise<LatestEdition[]> {
  const sources = await dbReads.source.findMany({
    where:
      sourceSlug === undefined ? sourceReadWhere(actor) : { slug: sourceSlug, ...sourceReadWhere(actor) },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      slug: true,
      titlePl: true,
      titleEn: true,
      editions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, translations: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
      },
    },
  });
  return sources.flatMap(({ editions, id: sourceId, ...source }) =>
    editions.map((edition) => ({
      id: edition.id,
      sourceId,
      source,
      translationId: edition.translations[0]?.id ?? null,
    })),
  );
}

/**
 * The sentences of the latest editions whose original or working translation matches every term,
 * in source order (by slug) and sentence order: the `page` (1-based) of `limit` of them and how many
 * there are. Only in sources `actor` may read (a group's own sources for its members); with
 * `readings` (an assignment's), only in their sources and assigned sentences.
 */
export async function findPassages(
  actor: Actor,
  terms: readonly SearchTerm[],
  options: { source?: string; readings?: readonly StoredReading[]; page: number; limit: number },
): Promise<ResultGroup<PassageResult>> {
  const { readings } = options;
  const editions = (await latestEditions(actor, options.source)).filter(
    (e) => readings === undefined || readings.some((r) => r.sourceId === e.sourceId),
  );
  const byTranslation = new Map(editions.map((e) => [e.translationId, e]));
  const text = termsWhere(terms);
  const within = (e: LatestEdition) =>
    readings === undefined ? {} : readingSentencesWhere(readings, e.sourceId);
  const [originals, translated] = await Promise.all([
    dbReads.passage.findMany({
      where:
        readings === undefined
          ? { editionId: { in: editions.map((e) => e.id) }, AND: text }
          : { OR: editions.map((e) => ({ editionId: e.id, ...within(e) })), AND: text },
      select: { editionId: true, number: true },
    }),
    dbReads.translationSentence.findMany({
      where:
        readings === undefined
          ? { translationId: { in: editions.flatMap((e) => e.translationId ?? []) }, AND: text }
          : {
              OR: editions.flatMap((e) =>
                e.translationId ? [{ translationId: e.translationId, ...within(e) }] : [],
              ),
              AND: text,
            },
      select: { translationId: true, number: true },
    }),
  ]);
  const order = new Map(editions.map((e, index) => [e.id, index]));
  const keys = new Map<string, { editionId: string; number: number }>();
  for (const { editionId, number } of originals) keys.set(`${editionId}:${number}`, { editionId, number });
  for (const { translationId, number } of translated) {
    const editionId = byTranslation.get(translationId)!.id;
    keys.set(`${editionId}:${number}`, { editionId, number });
  }
  const sorted = [...keys.values()].sort(
    (a, b) => order.get(a.editionId)! - order.get(b.editionId)! || a.number - b.number,
  );
  const shown = sorted.slice((options.page - 1) * options.limit, options.page * options.limit);
  return { total: sorted.length, items: await passageResults(terms, editions, shown) };
}

async function passageResults(
  terms: readonly SearchTerm[],
  editions: readonly LatestEdition[],
  shown: readonly { editionId: string; number: number }[],
): Promise<PassageResult[]> {
  if (shown.length === 0) return [];
  const editionIds = [...new Set(shown.map((s) => s.editionId))];
  const wanted = shown.map(({ editionId, number }) => ({ editionId, number }));
  const [texts, passages, sentences] = await Promise.all([
    dbReads.edition.findMany({ where: { id: { in: editionIds } }, select: { id: true, text: true } }),
    dbReads.passage.findMany({
      where: { OR: wanted },
      select: { editionId: true, number: true, start: true, end: true },
    }),
    dbReads.translationSentence.findMany({
      where: {
        OR: wanted.flatMap(({ editionId, number }) => {
          const translationId = editions.find((e) => e.id === editionId)?.translationId;
          return translationId ? [{ translationId, number }] : [];
        }),
      },
      select: { translation: { select: { editionId: true } }, number: true, text: true },
    }),
  ]);
  const textOf = new Map(texts.map((e) => [e.id, e.text]));
  const snippet = (value: string) => makeSnippet(value, findHighlights(value, terms));
  return shown.map(({ editionId, number }) => {
    const passage = passages.find((p) => p.editionId === editionId && p.number === number)!;
    const translation = sentences.find((s) => s.translation.editionId === editionId && s.number === number);
    return {
      source: editions.find((e) => e.id === editionId)!.source,
      sentence: number,
      original: snippet(textOf.get(editionId)!.slice(passage.start, passage.end)),
      translation: translation ? snippet(translation.text) : null,
    };
  });
}
