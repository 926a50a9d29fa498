import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteCheckResult } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import { CandidateList } from "./candidate-list";
import { CopyTextButton } from "./copy-text-button";
import { correctedText } from "./corrected-text";
import { DifferenceList } from "./difference-list";
import { PassageLinks } from "./passage-links";
import { placeValues, sourceOf } from "./passage-place";
import { QuotedPassage } from "./quoted-passage";
import { richTags } from "./rich-tags";
import { TokenComparison } from "./token-comparison";

interface NearResultProps {
  locale: Locale;
  corpus: CorpusSource[];
  result: Extract<QuoteCheckResult, { status: "near" }>;
  permalinkId: string | null;
  /** Said right under the heading: that the quotation matched a working translation (TranslationMatch). */
  notice?: ReactNode;
}

/**
 * A quotation that nearly matches: the closest place, the quotation compared with it word by word,
 * the differences in words, the words it should have with their citation, and other similar places.
 */
export async function NearResult({ locale, corpus, result, permalinkId, notice }: NearResultProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const { match, tokens, differences, candidates } = result;
  const source = sourceOf(corpus, match);
  const others = candidates.filter(
    (candidate) => candidate.slug !== match.slug || candidate.start !== match.start,
  );
  return (
    <>
      <h2 id="result-heading">{t("headingNear")}</h2>
      {notice}
      <p>
        {t.rich("closest", {
          ...placeValues(match, source, locale),
          similarity: match.similarity,
          cite: richTags(locale).cite,
        })}
      </p>

      <h3>{t("comparisonHeading")}</h3>
      <TokenComparison locale={locale} language={source.language} tokens={tokens} />

      <DifferenceList locale={locale} language={source.language} differences={differences} />

      <h3>{t("correctHeading")}</h3>
      <p>{t("correctHint")}</p>
      <QuotedPassage locale={locale} language={source.language} id="correct-text">
        {tokens.length > 0 ? correctedText(tokens) : match.text}
      </QuotedPassage>
      <CopyTextButton
        targetId="correct-text"
        labels={{ copy: t("copy"), copied: t("copied"), failed: t("copyFailed") }}
      />
      <PassageLinks locale={locale} match={match} permalinkId={permalinkId} />

      {others.length > 0 && (
        <>
          <h3>{t("otherCandidatesHeading")}</h3>
          <CandidateList locale={locale} corpus={corpus} candidates={others} detailed />
        </>
      )}
    </>
  );
}
