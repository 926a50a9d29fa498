import type { IssuerRole, SourceKind } from "@/lib/db/generated/prisma/enums.ts";
import { countWords } from "@/lib/quote-check/count-words.ts";
import type { SourceKindName, SourceSummary } from "./types.ts";

interface SourceRow {
  slug: string;
  titlePl: string;
  titleEn: string;
  titleShortPl: string;
  titleShortEn: string;
  titleEnSentence: string;
  aboutPl: string;
  aboutEn: string;
  kind: SourceKind;
  language: string;
  date: string;
  placePl: string;
  placeEn: string;
  issuerPl: string;
  issuerEn: string;
  issuerRole: IssuerRole;
  publicationPl: string;
  publicationEn: string;
  licencePl: string;
  licenceEn: string;
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
    // Rows imported before short titles existed have none: the full title stands in.
    titleShort: { pl: row.titleShortPl || row.titlePl, en: row.titleShortEn || row.titleEn },
    titleEnSentenceStyle: row.titleEnSentence || row.titleEn,
    about: { pl: row.aboutPl, en: row.aboutEn },
    kind: row.kind.toLowerCase() as SourceKindName,
    language: row.language,
    date: row.date,
    place: { pl: row.placePl, en: row.placeEn },
    issuer: { pl: row.issuerPl, en: row.issuerEn },
    issuerRole: row.issuerRole === "SIGNATORIES" ? "signatories" : "issuer",
    publication: { pl: row.publicationPl || row.publicationEn, en: row.publicationEn },
    licence: { pl: row.licencePl || row.licenceEn, en: row.licenceEn },
    editionNumber: edition.number,
    sentenceCount: edition.passageCount,
    characterCount: edition.text.length,
    wordCount: countWords(edition.text),
  };
}
