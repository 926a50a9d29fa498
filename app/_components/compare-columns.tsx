import type { CSSProperties } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatSourceDate } from "@/lib/sources/format-source-date";
import type { Locale, SourceReading } from "@/lib/sources/types";
import { sourcePath } from "../_lib/source-path";
import { SourceKindLine } from "./source-kind-line";
import styles from "./compare-columns.module.css";

interface CompareColumnsProps {
  locale: Locale;
  readings: SourceReading[];
  /** Accessible name of the whole set of columns. */
  label: string;
}

/**
 * Sources side by side, each column scrolling on its own; on narrow screens they stack. Sentence
 * numbers link to each sentence in the reader.
 */
export async function CompareColumns({ locale, readings, label }: CompareColumnsProps) {
  const t = await getTranslations({ locale, namespace: "reader" });
  const tSource = await getTranslations({ locale, namespace: "source" });
  return (
    <div
      className={styles.columns}
      style={{ "--columns": readings.length } as CSSProperties}
      role="group"
      aria-label={label}
    >
      {readings.map((reading) => {
        const headingId = `compare-${reading.slug}`;
        return (
          // Focusable so a keyboard can scroll the column; named by its heading.
          <section key={reading.slug} className={styles.column} aria-labelledby={headingId} tabIndex={0}>
            <header className={styles.head}>
              <SourceKindLine locale={locale} source={reading} className={styles.kind} />
              <h2 id={headingId} className={styles.title}>
                <Link href={sourcePath(locale, reading.slug)}>{reading.title[locale]}</Link>
              </h2>
              <p className={styles.facts}>
                <time dateTime={reading.date}>{formatSourceDate(reading.date, locale)}</time>
                {" · "}
                {reading.place[locale]}
              </p>
              {reading.kind === "summary" && <p className={styles.note}>{tSource("summaryNote")}</p>}
            </header>
            <p className={styles.text} lang={reading.language}>
              {reading.passages.map((passage) => (
                <span key={passage.number} data-sentence={passage.number}>
                  <a
                    className={styles.number}
                    href={sourcePath(locale, reading.slug, passage.number)}
                    lang={locale}
                    aria-label={t("sentenceLink", { number: passage.number })}
                  >
                    {passage.number}
                  </a>{" "}
                  {passage.text}{" "}
                </span>
              ))}
            </p>
          </section>
        );
      })}
    </div>
  );
}
