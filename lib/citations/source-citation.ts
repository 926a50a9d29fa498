import { messagesFor } from "@/lib/i18n/messages.ts";
import type { Locale, SourceSummary } from "@/lib/sources/types.ts";

/** What a citation needs to know about its source: the metadata the library and reader already show. */
export type CitedSource = Pick<
  SourceSummary,
  | "slug"
  | "title"
  | "titleShort"
  | "titleEnSentenceStyle"
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
  /** The permalink of the passage, e.g. https://glossa.example/en/p/Ab3dE5fG7h: what a note cites. */
  url: string;
  /** The permalink's id: it makes the passage's key in reference files unique. */
  permalinkId: string;
  /** The source's page, e.g. https://glossa.example/en/sources/kuty-directive: what a bibliography cites. */
  sourceUrl: string;
  /** The day the reader read the passage, YYYY-MM-DD. */
  accessed: string;
}

/** A calendar date in CSL-JSON: one [year, month, day]. */
export interface CslDate {
  "date-parts": [[number, number, number]];
}

/** The CSL-JSON item of a cited passage: the fields `toCslItem` fills, nothing else. */
export interface CslItem {
  id: string;
  "citation-key": string;
  type: "webpage";
  title: string;
  "title-short": string;
  "container-title": string;
  /** What kind of text it is, for a summary: "A modern summary" (Zotero's "Website Type"). */
  genre?: string;
  /** That a summary is not the document's words, and the title in translation (Zotero's "Extra"). */
  note: string;
  language: string;
  author?: { literal: string }[];
  issued?: CslDate;
  edition: string;
  URL: string;
  accessed: CslDate;
}

/** The name under which Glossa publishes its texts: the website of every source. */
export const WEBSITE = "Glossa";

/**
 * The CSL-JSON item (CSL 1.0.2) of a cited passage, as exported to reference managers and, with the
 * changes `formatCitation` makes, rendered by every style. The sentence locator is not here: it
 * belongs to a citation, not to the item.
 *
 * - Type `webpage` in the website (`container-title`) Glossa: what a reader cites is a text on a
 *   Glossa page with a permalink and an access date. `URL` is the passage's permalink, and the key
 *   (`id`, `citation-key`) names the source, the edition and the permalink, so two passages of one
 *   source are two entries of a reference manager.
 * - Title in the source's own language (the title a library catalogue gives), never the interface's,
 *   with its `title-short` (at most four words). CSL-JSON has no field for a translated title
 *   (`original-title` names the original of a translation, the reverse), so the title in the other
 *   language goes to `note`, which reference managers keep (Zotero: "Extra").
 * - A summary (`kind: summary` in its source.yaml) is a modern narrative about the document written
 *   for Glossa: it has no author and no date (naming the issuer as its author, or 1939 as its date,
 *   would put words in the issuer's mouth), `genre` says "A modern summary" and `note` says it is not
 *   the document's own words. A primary text or translation has its issuer as author (one literal name
 *   per `;`-separated part, in the interface language) and the document's date as `issued`.
 * - `edition`: sentence numbers count sentences of one edition, so the edition is part of what is cited.
 * - Not cited: the place (none of the three styles prints where a document was issued), `publication`
 *   (it describes where Glossa's text comes from, not a publisher) and the licence (no CSL field).
 */
export function toCslItem(citation: SourceCitation, locale: Locale): CslItem {
  const { source } = citation;
  const words = messagesFor(locale).cite.entry;
  const own = ownLanguage(source, locale);
  const other: Locale = own === "pl" ? "en" : "pl";
  const summary = source.kind === "summary";
  const key = citationKey(source, citation.permalinkId);
  const item: CslItem = {
    id: key,
    "citation-key": key,
    type: "webpage",
    title: source.title[own],
    "title-short": source.titleShort[own],
    "container-title": WEBSITE,
    ...(summary ? { genre: capitalizeFirst(words.modernSummary) } : {}),
    note: [summary ? words.summaryNote : "", `${words.translatedTitle}: ${source.title[other]}.`]
      .filter(Boolean)
      .join(" "),
    language: source.language,
    edition: String(source.editionNumber),
    URL: citation.url,
    accessed: toCslDate(citation.accessed, "accessed"),
  };
  if (!summary) {
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
 * The source's own language among the two its titles are written in. Titles exist in Polish and
 * English only, so a source in a third language is cited by its title in the interface language.
 */
export function ownLanguage(source: CitedSource, locale: Locale): Locale {
  const own = source.language.split("-")[0];
  return own === "pl" || own === "en" ? own : locale;
}

export function capitalizeFirst(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * The key a BibTeX file and a reference manager know the passage by: the source's slug with
 * underscores (citation-js refuses a BibTeX key with a hyphen, and then makes one up from the title),
 * the edition and the permalink's id (letters and digits), e.g. kuty_directive_ed1_Ab3dE5fG7h.
 */
function citationKey(source: CitedSource, permalinkId: string): string {
  return `${source.slug.replaceAll("-", "_")}_ed${source.editionNumber}_${permalinkId.replace(/[^A-Za-z0-9]/gu, "")}`;
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
