import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteCheckResult } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import styles from "../check.module.css";
import { PassageLinks } from "./passage-links";
import { inQuotes, placeValues, sourceOf } from "./passage-place";
import { QuotedPassage } from "./quoted-passage";
import { richTags } from "./rich-tags";

interface EllipsisResultProps {
  locale: Locale;
  corpus: CorpusSource[];
  result: Extract<QuoteCheckResult, { status: "exact-with-ellipsis" }>;
  permalinkId: string | null;
  /** Said right under the heading: that the quotation matched a working translation (TranslationMatch). */
  notice?: ReactNode;
}

interface Segment {
  text: string;
  /** Left out by the quotation (an ellipsis mark stands for it). */
  elided: boolean;
}

/** The source's text from the first quoted part to the last, cut into quoted and left-out runs. */
function segmentsOf(text: string, start: number, parts: { start: number; end: number }[]): Segment[] {
  const segments: Segment[] = [];
  let cursor = start;
  for (const part of parts) {
    if (part.start > cursor) segments.push({ text: text.slice(cursor, part.start), elided: true });
    segments.push({ text: text.slice(part.start, part.end), elided: false });
    cursor = part.end;
  }
  return segments;
}

/**
 * A quotation whose parts between ellipsis marks are all verbatim: where it is, the source's text
 * with the words left out marked, those words listed, and how to cite the passage.
 */
export async function EllipsisResult({ locale, corpus, result, permalinkId, notice }: EllipsisResultProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const tags = richTags(locale);
  const { match, parts } = result;
  const source = sourceOf(corpus, match);
  const segments = segmentsOf(source.text, match.start, parts);
  const omitted = segments.filter((segment) => segment.elided && segment.text.trim() !== "");
  return (
    <>
      <h2 id="result-heading">{t("headingEllipsis")}</h2>
      {notice}
      <p>{t.rich("foundIn", { ...placeValues(match, source, locale), cite: tags.cite })}</p>
      <p>{t("ellipsisCorrect")}</p>
      <QuotedPassage locale={locale} language={source.language}>
        {segments.map((segment, index) => {
          if (!segment.elided || segment.text.trim() === "") return segment.text;
          // White space around the left-out words stays outside their mark.
          const [, before, words, after] = /^(\s*)([\s\S]*?)(\s*)$/u.exec(segment.text)!;
          return (
            <span key={index}>
              {before}
              {t.rich("elidedSpan", { text: words!, ...tags })}
              {after}
            </span>
          );
        })}
      </QuotedPassage>
      {omitted.length > 0 && (
        <>
          <h3>{t("omittedHeading")}</h3>
          <ul className={styles.omittedList}>
            {omitted.map((segment, index) => (
              <li key={index} lang={source.language}>
                {inQuotes(locale, segment.text.trim().replace(/\s+/gu, " "))}
              </li>
            ))}
          </ul>
        </>
      )}
      <PassageLinks locale={locale} match={match} permalinkId={permalinkId} />
    </>
  );
}
