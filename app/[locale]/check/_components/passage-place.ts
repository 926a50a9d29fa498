import type { CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteMatch } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import { sourcePath } from "../../../_lib/source-path";

/**
 * The values the quoteCheck messages name a place by: the source's title, its sentence or sentences
 * (`range` selects "sentence 2", "sentences 2–3" or neither) and the edition.
 */
export function placeValues(match: QuoteMatch, source: CorpusSource, locale: Locale) {
  const { firstSentence: first, lastSentence: last } = match;
  return {
    title: source.title[locale],
    range: first === null ? "none" : first === last || last === null ? "single" : "span",
    first: first ?? 0,
    last: last ?? first ?? 0,
    edition: source.editionNumber,
  };
}

/** The reader at the place's first sentence. */
export function readerPath(match: QuoteMatch, locale: Locale): string {
  return sourcePath(locale, match.slug, match.firstSentence ?? undefined);
}

/** The source a match is in; the corpus the check ran on always has it. */
export function sourceOf(corpus: CorpusSource[], match: QuoteMatch): CorpusSource {
  const source = corpus.find((candidate) => candidate.slug === match.slug);
  if (!source) throw new Error(`The match is in "${match.slug}", which the corpus does not have`);
  return source;
}

/** The quotation marks of the interface's language around a text. */
export function inQuotes(locale: Locale, text: string): string {
  return locale === "pl" ? `„${text}”` : `“${text}”`;
}
