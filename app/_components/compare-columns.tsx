import type { CSSProperties } from "react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { formatSourceDate } from "@/lib/sources/format-source-date";
import type { Locale, SourceReading } from "@/lib/sources/types";
import { sourcePath } from "../_lib/source-path";
import { AnnotatedText } from "./annotations/highlights/annotated-text";
import { AnnotationLayer } from "./annotations/annotation-layer";
import { HighlightPrepaint } from "./annotations/highlights/highlight-prepaint";
import { SentenceTools } from "./annotations/highlights/sentence-tools";
import { CitingProvider } from "./citations/citing-context";
import { AnnotationMessages } from "./source-reader";
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
 * numbers link to each sentence in the reader. Each column has its own annotation layer: highlights,
 * counts and drafts for its source, and its panel behind a toggle under the column; any passage of
 * a column can be cited.
 */
export async function CompareColumns({ locale, readings, label }: CompareColumnsProps) {
  const tSource = await getTranslations({ locale, namespace: "source" });
  const t = await getTranslations({ locale, namespace: "annotationReader" });
  return (
    <AnnotationMessages locale={locale}>
      <div
        className={styles.columns}
        style={{ "--columns": readings.length } as CSSProperties}
        role="group"
        aria-label={label}
      >
        {readings.map((reading) => {
          const headingId = `compare-${reading.slug}`;
          return (
            <CitingProvider
              key={reading.slug}
              locale={locale}
              sourceSlug={reading.slug}
              editionNumber={reading.edition.number}
              language={reading.language}
              sentences={reading.passages.map(({ number, start, end }) => ({ number, start, end }))}
            >
              {/* The layer renders the column: a region named by its heading, focusable for scrolling. */}
              <AnnotationLayer
                locale={locale}
                sourceSlug={reading.slug}
                language={reading.language}
                editionNumber={reading.edition.number}
                passages={reading.passages}
                variant="compare"
                labelledBy={headingId}
                classNames={{ root: styles.columnRoot, text: styles.column }}
              >
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
                        aria-label={t("sentenceNumberLink", { number: passage.number })}
                      >
                        {passage.number}
                      </a>
                      <SentenceTools sentence={passage.number} placement="inline" />{" "}
                      <AnnotatedText
                        sentence={passage.number}
                        start={passage.start}
                        text={passage.text}
                      />{" "}
                    </span>
                  ))}
                </p>
                <HighlightPrepaint sourceSlug={reading.slug} paint={false} />
              </AnnotationLayer>
            </CitingProvider>
          );
        })}
      </div>
    </AnnotationMessages>
  );
}
