import type { SourceKind } from "@/lib/db/generated/prisma/enums.ts";
import { countWords } from "@/lib/quote-check/count-words.ts";
import type { SourceKindName, SourceSummary } from "./types.ts";

interface SourceRow {
  slug: string;
  titlePl: string;
  titleEn: string;
  aboutPl: string;
  aboutEn: string;
  kind: SourceKind;
  language: string;
  date: string;
  placePl: string;
  placeEn: string;
  issuerPl: string;
  issuerEn: string;
  publication: string;
  licence: string;
}

interface EditionStats {
  number: number;
  text: string;
  passageCount: number;
}

/** Maps a source row and its latest edition to what the library and reader show. */
export function toSourceSummary(row: SourceRow, edition: EditionStats): SourceSummary {
  return {
    slug: row.slug,
    title: { pl: row.titlePl, en: row.titleEn },
    about: { pl: row.aboutPl, en: row.aboutEn },
    kind: row.kind.toLowerCase() as SourceKindName,
    language: row.language,
    date: row.date,
    place: { pl: row.placePl, en: row.placeEn },
    issuer: { pl: row.issuerPl, en: row.issuerEn },
    publication: row.publication,
    licence: row.licence,
    editionNumber: edition.number,
    sentenceCount: edition.passageCount,
    characterCount: edition.text.length,
    wordCount: countWords(edition.text),
  };
}
