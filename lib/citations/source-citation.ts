import type { Locale, SourceSummary } from "@/lib/sources/types.ts";

/** What a citation needs to know about its source: the metadata the library and reader already show. */
export type CitedSource = Pick<
  SourceSummary,
  | "slug"
  | "title"
  | "kind"
  | "language"
  | "date"
  | "place"
  | "issuer"
  | "publication"
  | "licence"
  | "editionNumber"
>;

/** A passage a reader cites: sentences of one edition of a source, found at a permalink on a given day. */
export interface SourceCitation {
  source: CitedSource;
  /** The selected text as the reader shows it. Shown beside the citation, never inside it. */
  quote: string;
  /** The first and last sentence the selection touches: 1-based numbers in this edition. */
  firstSentence: number;
  lastSentence: number;
  /** The permalink of the passage, e.g. https://glossa.example/en/sources/kuty-directive/3. */
  url: string;
  /** The day the reader read the passage, YYYY-MM-DD. */
  accessed: string;
}

/** A calendar date in CSL-JSON: one [year, month, day]. */
export interface CslDate {
  "date-parts": [[number, number, number]];
}

/** The CSL-JSON item of a cited source: the fields `toCslItem` fills, nothing else. */
export interface CslItem {
  id: string;
  "citation-key": string;
  type: "webpage";
  title: string;
  language: string;
  author?: { literal: string }[];
  issued?: CslDate;
  publisher: string;
  edition: string;
  URL: string;
  accessed: CslDate;
}

/** The name under which Glossa publishes its texts: the website and the publisher of every source. */
export const PUBLISHER = "Glossa";

/**
 * The CSL-JSON item (CSL 1.0.2) of the source a citation quotes, as exported to reference managers
 * and rendered by every style. The sentence locator is not here: it belongs to a citation, not to the
 * item (see `formatCitation`).
 *
 * - Type `webpage`: what a reader cites is a text on a Glossa page with a permalink and an access date.
 * - Title in the source's own language (the title a library catalogue gives), never the interface's;
 *   styles add the translation in brackets (`formatCitation`). CSL-JSON has no field for a translated
 *   title: `original-title` names the original of a translation (the reverse) and `title-short` is a
 *   shorter form of the same title, used by short notes and in-text citations.
 * - A primary text or translation has its issuer as author (one literal name per `;`-separated part,
 *   in the interface language, as the reader's metadata shows it) and the document's date as `issued`.
 *   A summary has neither: it is a modern narrative about the document written for Glossa, so naming
 *   the issuer as its author, or 1939 as its date, would put words in the issuer's mouth. Styles then
 *   begin with the title and say "n.d." where they need a date.
 * - `edition`: sentence numbers count sentences of one edition, so the edition is part of what is cited.
 * - Not cited: the place (none of the three styles prints where a document was issued), `publication`
 *   (it describes where Glossa's text comes from, not a publisher) and the licence (no CSL field).
 */
export function toCslItem(citation: SourceCitation, locale: Locale): CslItem {
  const { source } = citation;
  const item: CslItem = {
    id: source.slug,
    "citation-key": citationKey(source.slug),
    type: "webpage",
    title: titleInOwnLanguage(source, locale),
    language: source.language,
    publisher: PUBLISHER,
    edition: String(source.editionNumber),
    URL: citation.url,
    accessed: toCslDate(citation.accessed, "accessed"),
  };
  if (source.kind !== "summary") {
    item.author = source.issuer[locale]
      .split(";")
      .map((name) => name.trim())
      .filter(Boolean)
      .map((literal) => ({ literal }));
    item.issued = toCslDate(source.date, "date");
  }
  return item;
}

/**
 * The key a BibTeX file and a reference manager know the source by: its slug with underscores, as
 * citation-js refuses a BibTeX key with a hyphen (and then makes one up from the title).
 */
function citationKey(slug: string): string {
  return slug.replaceAll("-", "_");
}

/**
 * The source's title in its own language. Titles exist in Polish and English only, so a source in a
 * third language is cited by its title in the interface language.
 */
function titleInOwnLanguage(source: CitedSource, locale: Locale): string {
  const own = source.language.split("-")[0];
  return own === "pl" || own === "en" ? source.title[own] : source.title[locale];
}

function toCslDate(isoDate: string, field: string): CslDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(isoDate);
  const date = match ? new Date(`${isoDate}T00:00:00Z`) : null;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) {
    throw new RangeError(
      `The ${field} of a citation must be a calendar date written YYYY-MM-DD, not ${isoDate}`,
    );
  }
  return { "date-parts": [[Number(match[1]), Number(match[2]), Number(match[3])]] };
}
