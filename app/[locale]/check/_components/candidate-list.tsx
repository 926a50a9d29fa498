import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteMatch } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import styles from "../check.module.css";
import { placeValues, readerPath, sourceOf } from "./passage-place";
import { QuotedPassage } from "./quoted-passage";
import { richTags } from "./rich-tags";

interface CandidateListProps {
  locale: Locale;
  corpus: CorpusSource[];
  candidates: QuoteMatch[];
  /** Shows each place's text and similarity (not for other occurrences of an exact quotation). */
  detailed: boolean;
}

/** Places in the corpus, each a link to the reader at its sentence. */
export async function CandidateList({ locale, corpus, candidates, detailed }: CandidateListProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const tags = richTags(locale);
  return (
    <ol className={styles.candidates}>
      {candidates.map((candidate) => {
        const source = sourceOf(corpus, candidate);
        return (
          <li key={`${candidate.slug}:${candidate.start}`}>
            <p className={styles.candidatePlace}>
              <Link href={readerPath(candidate, locale)}>
                {t.rich("candidatePlace", { ...placeValues(candidate, source, locale), cite: tags.cite })}
              </Link>
              {detailed && (
                <span className={styles.similarity}>
                  {" – "}
                  {t("candidateSimilarity", { similarity: candidate.similarity })}
                </span>
              )}
            </p>
            {detailed && (
              <QuotedPassage locale={locale} language={source.language}>
                {candidate.text}
              </QuotedPassage>
            )}
          </li>
        );
      })}
    </ol>
  );
}
