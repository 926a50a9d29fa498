import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Localized } from "@/lib/sources/types";
import type { QuoteCheckSource } from "./types.ts";

/** A source as the quote checker searches it, with what a result names it by and cites. */
export interface CorpusSource extends QuoteCheckSource {
  title: Localized;
  /** BCP 47 language of the text, e.g. "pl". */
  language: string;
  /** The edition whose text and sentences these are: the latest. */
  editionNumber: number;
}

/**
 * Every source's latest edition (its text and numbered sentences), in library order (the documents'
 * dates, then when they were added), which is the order in which `checkQuote` reports occurrences.
 * A source without an edition is left out. Cached per request.
 */
export const loadCorpus = cache(async (): Promise<CorpusSource[]> => {
  const rows = await db.source.findMany({
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
        },
      },
    },
  });
  return rows.flatMap((row) => {
    const edition = row.editions[0];
    if (!edition) return [];
    return [
      {
        slug: row.slug,
        title: { pl: row.titlePl, en: row.titleEn },
        language: row.language,
        editionNumber: edition.number,
        text: edition.text,
        passages: edition.passages,
      },
    ];
  });
});
