import "server-only";
import { PASSAGE_RANGES, sentencesOf } from "@/lib/annotations/place-in-edition";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { textFragment } from "@/lib/permalinks/text-fragment";
import { toSourceSummary } from "@/lib/sources/to-source-summary";
import type { Locale } from "@/lib/sources/types";
import { exportCitation } from "./export-citation.ts";
import { formatCitation, type CitationStyle } from "./format-citation.ts";
import { formatLocator } from "./locator.ts";
import type { SourceCitation } from "./source-citation.ts";

/** The styles the cite dialog shows, in this order. */
export const CITE_STYLES = [
  "chicago-note",
  "chicago-short-note",
  "chicago-bibliography",
  "mla",
  "mla-in-text",
  "apa",
  "apa-in-text",
] as const satisfies readonly CitationStyle[];

export interface PassageCitation {
  slug: string;
  title: string;
  editionNumber: number;
  quote: string;
  firstSentence: number;
  lastSentence: number;
  /** "sentences 3–4" / "zd. 3–4". */
  locator: string;
  /** Whether the selection cut a word and was widened to whole words (the quote is the widened one). */
  widened: boolean;
  /** The short permalink (absolute) and its id. */
  permalink: { id: string; url: string };
  /** The plain reader page with a text fragment (#:~:text=…) that highlights the passage. */
  textFragmentUrl: string;
  styles: Record<(typeof CITE_STYLES)[number], { text: string; html: string }>;
  exports: { bibtex: string; ris: string; cslJson: string };
}

/**
 * Everything the cite dialog shows for a passage of an edition: the exact quotation, its sentence
 * locator, its permalink (made if needed), a text-fragment link, the citation in every style in the
 * interface language, and the BibTeX, RIS and CSL-JSON files. Formatting runs here, on the server
 * (citation-js is too large for the browser). `origin` makes the links absolute.
 */
export async function citePassage(
  input: unknown,
  locale: Locale,
  origin: string,
  actor: Actor,
): Promise<PassageCitation> {
  const { id, widened } = await createPermalink(input, actor);
  const link = await db.permalink.findUnique({
    where: { id },
    select: {
      start: true,
      end: true,
      edition: {
        select: {
          number: true,
          text: true,
          passages: PASSAGE_RANGES,
          source: true,
        },
      },
    },
  });
  if (!link) throw new NotFoundError("permalinkNotFound");
  const { edition } = link;
  const source = toSourceSummary(edition.source, {
    number: edition.number,
    text: edition.text,
    passageCount: edition.passages.length,
  });
  const { firstSentence, lastSentence } = sentencesOf(edition.passages, link.start, link.end);
  const permalinkUrl = new URL(`/${locale}/p/${id}`, origin).toString();
  const citation: SourceCitation = {
    source,
    quote: edition.text.slice(link.start, link.end),
    firstSentence,
    lastSentence,
    url: permalinkUrl,
    permalinkId: id,
    sourceUrl: new URL(`/${locale}/sources/${source.slug}`, origin).toString(),
    accessed: new Date().toISOString().slice(0, 10),
  };
  const styles = Object.fromEntries(
    CITE_STYLES.map((style) => [
      style,
      {
        text: formatCitation(citation, style, locale, "text"),
        html: formatCitation(citation, style, locale, "html"),
      },
    ]),
  ) as PassageCitation["styles"];
  return {
    slug: source.slug,
    title: source.title[locale],
    editionNumber: edition.number,
    quote: citation.quote,
    firstSentence,
    lastSentence,
    locator: formatLocator(firstSentence, lastSentence, locale),
    widened,
    permalink: { id, url: permalinkUrl },
    textFragmentUrl: citation.sourceUrl + textFragment(edition.text, link.start, link.end),
    styles,
    exports: {
      bibtex: exportCitation(citation, "bibtex", locale),
      ris: exportCitation(citation, "ris", locale),
      cslJson: exportCitation(citation, "csl-json", locale),
    },
  };
}
