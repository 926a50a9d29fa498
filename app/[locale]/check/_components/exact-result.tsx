import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteCheckResult } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import { CandidateList } from "./candidate-list";
import { PassageLinks } from "./passage-links";
import { placeValues, sourceOf } from "./passage-place";
import { QuotedPassage } from "./quoted-passage";
import { richTags } from "./rich-tags";

interface ExactResultProps {
  locale: Locale;
  corpus: CorpusSource[];
  result: Extract<QuoteCheckResult, { status: "exact" }>;
  permalinkId: string | null;
  /** Said right under the heading: that the quotation matched a working translation (TranslationMatch). */
  notice?: ReactNode;
}

/** A verbatim quotation: where it is, its words, how to cite it, and where else it occurs. */
export async function ExactResult({ locale, corpus, result, permalinkId, notice }: ExactResultProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const { match, count, occurrences } = result;
  const source = sourceOf(corpus, match);
  return (
    <>
      <h2 id="result-heading">{t("headingExact")}</h2>
      {notice}
      <p>{t.rich("foundIn", { ...placeValues(match, source, locale), cite: richTags(locale).cite })}</p>
      <QuotedPassage locale={locale} language={source.language}>
        {match.text}
      </QuotedPassage>
      {count > 1 && <p>{t("occurrences", { count })}</p>}
      <PassageLinks locale={locale} match={match} permalinkId={permalinkId} />
      {count > 1 && (
        <>
          <h3>{t("otherOccurrencesHeading")}</h3>
          <CandidateList locale={locale} corpus={corpus} candidates={occurrences.slice(1)} detailed={false} />
        </>
      )}
    </>
  );
}
