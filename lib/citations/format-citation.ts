import { Cite, type FormatOptions } from "@citation-js/core";
import type { Locale } from "@/lib/sources/types.ts";
import { formatLocator } from "./locator.ts";
import { messagesFor } from "@/lib/i18n/messages.ts";
import { registerCitationStyles, styleTemplate } from "./register-citation-styles.ts";
import {
  capitalizeFirst,
  ownLanguage,
  toCslItem,
  type CitedSource,
  type SourceCitation,
} from "./source-citation.ts";

/**
 * What `formatCitation` writes. Notes and in-text citations carry the sentence locator; reference-list
 * entries (`chicago-bibliography`, `mla`, `apa`) describe the source and do not.
 */
export type CitationStyle =
  /** Chicago full note, for the first citation of a source. */
  | "chicago-note"
  /** Chicago short note, for later citations of the same source. */
  | "chicago-short-note"
  | "chicago-bibliography"
  /** MLA works-cited entry. */
  | "mla"
  | "mla-in-text"
  /** APA reference-list entry. */
  | "apa"
  | "apa-in-text";

export type CitationFormat = "text" | "html";

const CSL_LOCALES: Record<Locale, string> = { pl: "pl-PL", en: "en-US" };

/**
 * The label of every locator. Not one of CSL's locator types, so citeproc-js prints no label term and
 * leaves the locator, already written out by `formatLocator`, as it is. With the default label "page"
 * it reads "zd." in "zd. 3" as a label abbreviation of its own and prints "p. zd. 3".
 */
const SENTENCE_LABEL = "sentence";

/** Reference-list entries: they describe the source's edition and link its page, not the passage. */
const ENTRY_STYLES = new Set<CitationStyle>(["chicago-bibliography", "mla", "apa"]);

/**
 * A citation of the passage in `style`, in the interface language `locale`, as plain text or as an
 * HTML fragment: italics as <i>, the metadata escaped by citeproc-js except its rich-text markup
 * (exactly <i>, <b>, <sup>, <sub>, <span class="nocase">), which it renders as such. The quotation
 * itself is not part of it: see `formatQuotedCitation`.
 *
 * The styles are Glossa's own CSL files (`styles/`), written for this one kind of item. The APA style
 * shipped with citation-js is not used: it places a translated title after "(n.d.)" when the title
 * stands in for the author, and in Polish it writes "(1939, września 17)" and "Pobrano 5 stycznia
 * 2025, z", an English word order and comma CSL 1.0.2 cannot localize in a shared style.
 *
 * A note or in-text citation cites the passage (its permalink); a reference-list entry
 * (`ENTRY_STYLES`) cites the source's page, so every passage of one edition shares one entry.
 * The bracketed description after the title travels to the styles as the CSL variable `genre`
 * (APA's bracketed description; see `describeTitle`).
 */
export function formatCitation(
  citation: SourceCitation,
  style: CitationStyle,
  locale: Locale,
  format: CitationFormat = "text",
): string {
  registerCitationStyles();
  const { genre: _exported, note: _note, ...item } = toCslItem(citation, locale);
  const description = describeTitle(citation.source, locale, style === "mla" ? "title" : "sentence");
  const cite = new Cite({
    ...item,
    ...(description ? { genre: description } : {}),
    URL: ENTRY_STYLES.has(style) ? citation.sourceUrl : citation.url,
  });
  const cited = {
    id: item.id,
    locator: formatLocator(citation.firstSentence, citation.lastSentence, locale),
    label: SENTENCE_LABEL,
  };
  const options: FormatOptions = { lang: CSL_LOCALES[locale], format };
  const chicago = styleTemplate("chicago", locale);

  switch (style) {
    case "chicago-note":
      return cite.format("citation", { ...options, template: chicago, entry: [cited] });
    case "chicago-short-note":
      // A citation of the same item before this one makes this one "subsequent": the short form.
      return cite.format("citation", {
        ...options,
        template: chicago,
        entry: [cited],
        citationsPre: [[{ id: item.id }]],
      });
    case "chicago-bibliography":
      return bibliographyEntry(cite, { ...options, template: chicago });
    case "mla":
      return bibliographyEntry(cite, { ...options, template: styleTemplate("mla", locale) });
    case "mla-in-text":
      return cite.format("citation", { ...options, template: styleTemplate("mla", locale), entry: [cited] });
    case "apa":
      return bibliographyEntry(cite, { ...options, template: styleTemplate("apa", locale) });
    case "apa-in-text":
      return cite.format("citation", { ...options, template: styleTemplate("apa", locale), entry: [cited] });
  }
}

/**
 * What the brackets after the title say, or null: the title in the interface language when the
 * source is in another ("The Kuty directive"), and for a summary that it is one, so that the
 * citation cannot be taken for one of the document itself ("The Kuty directive: a modern summary";
 * "omówienie" alone for a Polish summary cited in Polish). English titles are in sentence style for
 * Chicago and APA and in title style for MLA ("The Kuty Directive: A Modern Summary"); the words
 * come from the interface messages (`cite.entry`).
 */
export function describeTitle(
  source: CitedSource,
  locale: Locale,
  capitalization: "sentence" | "title",
): string | null {
  const words = messagesFor(locale).cite.entry;
  const titleStyle = capitalization === "title";
  const translated =
    ownLanguage(source, locale) === locale
      ? null
      : locale === "en" && !titleStyle
        ? source.titleEnSentenceStyle
        : source.title[locale];
  const summary =
    source.kind !== "summary" ? null : titleStyle ? words.modernSummaryTitleStyle : words.modernSummary;
  if (translated && summary) return `${translated}: ${summary}`;
  return translated ?? (summary && locale === "en" ? capitalizeFirst(summary) : summary);
}

/** The one entry of a bibliography, without the <div> citeproc wraps each entry in. */
function bibliographyEntry(cite: Cite, options: FormatOptions): string {
  const [[, entry] = ["", ""]] = cite.format("bibliography", { ...options, asEntryArray: true });
  const html = /^\s*<div\b[^>]*>([\s\S]*)<\/div>\s*$/u.exec(entry);
  return (html ? html[1]! : entry).trim();
}
