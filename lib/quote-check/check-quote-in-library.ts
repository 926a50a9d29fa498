import { checkQuote } from "./check-quote.ts";
import type { QuoteCheckOptions, QuoteCheckResult, QuoteCheckSource, QuoteMatch } from "./types.ts";

/** A quotation checked against the sources' texts and against their working translations. */
export interface LibraryQuoteCheck {
  result: QuoteCheckResult;
  /** Where the result was found: in the sources' own texts, or in their working translations. */
  against: "original" | "translation";
  /**
   * For a place in a translation: the same sentences of the source's own text, which is what a
   * citation cites (translations are aligned sentence by sentence). Null otherwise.
   */
  original: QuoteMatch | null;
}

/** How good a result is: word for word beats an ellipsis, which beats near, by similarity. */
function rank(result: QuoteCheckResult): number {
  switch (result.status) {
    case "exact":
      return 3;
    case "exact-with-ellipsis":
      return 2;
    case "near":
      return 1 + result.match.similarity;
    default:
      return 0;
  }
}

/**
 * Checks a quotation against the sources' texts and, unless it is found word for word there, against
 * their working translations (`translations`: one per source, its sentences joined by spaces and
 * numbered as the source's), so a quotation in English is recognised as quoting the translation. The
 * better result wins (the original's on a tie); a result in a translation comes with the original
 * passage of the same sentences beside it.
 */
export function checkQuoteInLibrary(
  quotation: string,
  originals: QuoteCheckSource[],
  translations: QuoteCheckSource[],
  options: QuoteCheckOptions = {},
): LibraryQuoteCheck {
  const result = checkQuote(quotation, originals, options);
  if (result.status === "exact" || result.status === "empty" || result.status === "too-long") {
    return { result, against: "original", original: null };
  }
  const translated = checkQuote(quotation, translations, options);
  if (!("match" in translated) || rank(translated) <= rank(result)) {
    return { result, against: "original", original: null };
  }
  return { result: translated, against: "translation", original: originalOf(translated.match, originals) };
}

/** The source's own text of the sentences a match in its translation covers. */
function originalOf(match: QuoteMatch, originals: QuoteCheckSource[]): QuoteMatch | null {
  const source = originals.find((candidate) => candidate.slug === match.slug);
  const first = source?.passages.find((passage) => passage.number === match.firstSentence);
  const last = source?.passages.find(
    (passage) => passage.number === (match.lastSentence ?? match.firstSentence),
  );
  if (!source || !first || !last) return null;
  return {
    slug: source.slug,
    start: first.start,
    end: last.end,
    firstSentence: first.number,
    lastSentence: last.number,
    text: source.text.slice(first.start, last.end),
    similarity: 1,
  };
}
