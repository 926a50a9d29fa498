import { getTranslations } from "next-intl/server";
import { MIN_FUZZY_WORDS } from "@/lib/quote-check/check-quote";
import type { CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteCheckResult } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import { CandidateList } from "./candidate-list";

interface NotFoundResultProps {
  locale: Locale;
  corpus: CorpusSource[];
  result: Extract<QuoteCheckResult, { status: "not-found" }>;
  /** The quotation as typed, to say why a short one has no near places. */
  quotation: string;
}

/** Nothing similar enough: says so, with the closest places anyway (if any). */
export async function NotFoundResult({ locale, corpus, result, quotation }: NotFoundResultProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const words = quotation.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return (
    <>
      <h2 id="result-heading">{t("headingNotFound")}</h2>
      <p>{t("notFound")}</p>
      {result.candidates.length > 0 && (
        <>
          <h3>{t("closestHeading")}</h3>
          <p>{t("closestHint")}</p>
          <CandidateList locale={locale} corpus={corpus} candidates={result.candidates} detailed />
        </>
      )}
      {result.candidates.length === 0 && words < MIN_FUZZY_WORDS && <p>{t("noCandidatesShort")}</p>}
    </>
  );
}
