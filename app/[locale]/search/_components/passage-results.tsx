import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import type { PassageResult } from "@/lib/search/types";
import { HighlightedText } from "../../../_components/search/highlighted-text";
import { sourcePath } from "../../../_lib/source-path";
import styles from "../search.module.css";

/** Matching sentences, each linking to the sentence in the reader, original and translation side by side. */
export async function PassageResults({ locale, items }: { locale: Locale; items: PassageResult[] }) {
  const t = await getTranslations({ locale, namespace: "search" });
  return (
    <ol className={styles.results}>
      {items.map((item) => {
        const title = locale === "pl" ? item.source.titlePl : item.source.titleEn;
        return (
          <li key={`${item.source.slug}:${item.sentence}`} className={styles.result}>
            <a href={sourcePath(locale, item.source.slug, item.sentence)} className={styles.resultLink}>
              {t("sentenceLink", { title, number: item.sentence })}
            </a>
            <p lang="pl" className={styles.snippet}>
              <span className="visually-hidden">{t("original")}: </span>
              <HighlightedText snippet={item.original} />
            </p>
            {item.translation && (
              <p lang="en" className={`${styles.snippet} ${styles.translation}`}>
                <span className="visually-hidden">{t("translation")}: </span>
                <HighlightedText snippet={item.translation} />
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
