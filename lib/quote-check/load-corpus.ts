import "server-only";
import { cache } from "react";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Localized } from "@/lib/sources/types";
import { translationAsSource } from "./translation-as-source.ts";
import type { QuoteCheckSource } from "./types.ts";

/** A source as the quote checker searches it, with what a result names it by and cites. */
export interface CorpusSource extends QuoteCheckSource {
  title: Localized;
  /** BCP 47 language of the text, e.g. "pl". */
  language: string;
  /** The edition whose text and sentences these are: the latest. */
  editionNumber: number;
}

/** The library as the checker searches it: the sources' own texts, and their working translations. */
export interface Corpus {
  originals: CorpusSource[];
  /** The newest translation of each source's latest edition, numbered by the source's sentences. */
  translations: CorpusSource[];
}

/**
 * Every source's (that `actor` may read: `sourceReadWhere`) latest edition (its text and numbered sentences) and the newest translation of it,
 * in library order (the documents' dates, then when they were added), which is the order in which
 * `checkQuote` reports occurrences. A source without an edition is left out. Cached per request.
 */
export const loadCorpus = cache(async (actor: Actor): Promise<Corpus> => {
  const rows = await db.source.findMany({
    where: sourceReadWhere(actor),
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    select: {
      slug: true,
      titlePl: true,
      titleEn: true,
      language: true,
      editions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          number: true,
          text: true,
          passages: { orderBy: { number: "asc" }, select: { number: true, start: true, end: true } },
          translations: {
            orderBy: { number: "desc" },
            take: 1,
            select: {
              language: true,
              sentences: { orderBy: { number: "asc" }, select: { number: true, text: true } },
            },
          },
        },
      },
    },
  });
  const originals: CorpusSource[] = [];
  const translations: CorpusSource[] = [];
  for (const row of rows) {
    const edition = row.editions[0];
    if (!edition) continue;
    const common = {
      slug: row.slug,
      title: { pl: row.titlePl, en: row.titleEn },
      editionNumber: edition.number,
    };
    originals.push({ ...common, language: row.language, text: edition.text, passages: edition.passages });
    const translation = edition.translations[0];
    if (translation) {
      translations.push({
        ...common,
        ...translationAsSource(row.slug, translation.sentences),
        language: translation.language,
      });
    }
  }
  return { originals, translations };
});
