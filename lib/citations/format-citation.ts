import { Cite, type FormatOptions } from "@citation-js/core";
import type { Locale } from "@/lib/sources/types.ts";
import { formatLocator } from "./locator.ts";
import { registerCitationStyles, STYLE_TEMPLATES } from "./register-citation-styles.ts";
import { toCslItem, type SourceCitation } from "./source-citation.ts";

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
 * The title's translation into `locale` travels to the styles as the CSL variable `genre`, which each
 * style prints in brackets after the title ("Dyrektywa z Kut" [The Kuty Directive]). CSL has no
 * variable for a translated title; `genre` is APA's bracketed description after a title, and is only
 * set here, never in exported items (`toCslItem`).
 */
export function formatCitation(
  citation: SourceCitation,
  style: CitationStyle,
  locale: Locale,
  format: CitationFormat = "text",
): string {
  registerCitationStyles();
  const item = toCslItem(citation, locale);
  const translatedTitle = citation.source.title[locale];
  const cite = new Cite(translatedTitle === item.title ? item : { ...item, genre: translatedTitle });
  const cited = {
    id: item.id,
    locator: formatLocator(citation.firstSentence, citation.lastSentence, locale),
    label: SENTENCE_LABEL,
  };
  const options: FormatOptions = { lang: CSL_LOCALES[locale], format };

  switch (style) {
    case "chicago-note":
      return cite.format("citation", { ...options, template: STYLE_TEMPLATES.chicago, entry: [cited] });
    case "chicago-short-note":
      // A citation of the same item before this one makes this one "subsequent": the short form.
      return cite.format("citation", {
        ...options,
        template: STYLE_TEMPLATES.chicago,
        entry: [cited],
        citationsPre: [[{ id: item.id }]],
      });
    case "chicago-bibliography":
      return bibliographyEntry(cite, { ...options, template: STYLE_TEMPLATES.chicago });
    case "mla":
      return bibliographyEntry(cite, { ...options, template: STYLE_TEMPLATES.mla });
    case "mla-in-text":
      return cite.format("citation", { ...options, template: STYLE_TEMPLATES.mla, entry: [cited] });
    case "apa":
      return bibliographyEntry(cite, { ...options, template: STYLE_TEMPLATES.apa });
    case "apa-in-text":
      return cite.format("citation", { ...options, template: STYLE_TEMPLATES.apa, entry: [cited] });
  }
}

/** The one entry of a bibliography, without the <div> citeproc wraps each entry in. */
function bibliographyEntry(cite: Cite, options: FormatOptions): string {
  const [[, entry] = ["", ""]] = cite.format("bibliography", { ...options, asEntryArray: true });
  const html = /^\s*<div\b[^>]*>([\s\S]*)<\/div>\s*$/u.exec(entry);
  return (html ? html[1]! : entry).trim();
}
