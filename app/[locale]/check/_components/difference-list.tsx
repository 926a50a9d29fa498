import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { QuoteDifference } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import styles from "../check.module.css";

interface DifferenceListProps {
  locale: Locale;
  /** The language of the quoted words. */
  language: string;
  differences: QuoteDifference[];
}

/** The differences in words, in reading order, under a heading that counts them. */
export async function DifferenceList({ locale, language, differences }: DifferenceListProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  // The quoted words are in the source's language, the sentence around them in the interface's.
  const w = (chunks: ReactNode) => <span lang={language}>{chunks}</span>;

  function describe(difference: QuoteDifference): ReactNode {
    switch (difference.kind) {
      case "changed":
        if (difference.diacritics) {
          const letters = difference.diacritics
            .map((letter) => t("diacriticLetter", { quoted: letter.quoted, source: letter.source }))
            .join(", ");
          return t.rich("differenceDiacritics", {
            quoted: difference.quoted,
            source: difference.source,
            letters,
            w,
          });
        }
        return t.rich("differenceChanged", { quoted: difference.quoted, source: difference.source, w });
      case "missing":
        return t.rich("differenceMissing", { source: difference.source, w });
      case "added":
        return t.rich("differenceAdded", { quoted: difference.quoted, w });
      case "missing-ellipsis":
        return t.rich("differenceMissingEllipsis", { source: difference.source, w });
    }
  }

  return (
    <>
      <h3>{t("differencesHeading", { count: differences.length })}</h3>
      <ol className={styles.differences}>
        {differences.map((difference, index) => (
          <li key={index}>{describe(difference)}</li>
        ))}
      </ol>
    </>
  );
}
