import type { ReactNode } from "react";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { Locale, SourceReading } from "@/lib/sources/types";
import { AnnotationLayer } from "./annotations/annotation-layer";
import { PageShell } from "./page-shell";
import { ReadingToggles } from "./reading-toggles";
import { ScrollToSentence } from "./scroll-to-sentence";
import { SentenceGrid } from "./sentence-grid";
import { SourceKindLine } from "./source-kind-line";
import { SourceMetadata } from "./source-metadata";
import styles from "./source-reader.module.css";

interface SourceReaderProps {
  locale: Locale;
  reading: SourceReading;
  /** Set on a sentence URL (`/sources/{slug}/{n}`): that sentence is marked and scrolled to. */
  currentSentence?: number;
}

/** The message namespaces the annotation layer and its panel show in the browser. */
const ANNOTATION_NAMESPACES = ["annotationReader", "annotations", "errors"];

/**
 * Gives the annotation layer and panel (client components) their messages: only these namespaces
 * reach the browser, and they are the same for every reader, so the page stays cacheable.
 */
export async function AnnotationMessages({ locale, children }: { locale: Locale; children: ReactNode }) {
  const messages = (await getMessages({ locale })) as AbstractIntlMessages;
  const picked = Object.fromEntries(
    ANNOTATION_NAMESPACES.flatMap((namespace) =>
      messages[namespace] === undefined ? [] : [[namespace, messages[namespace]]],
    ),
  );
  return (
    <NextIntlClientProvider locale={locale} messages={picked}>
      {children}
    </NextIntlClientProvider>
  );
}

/**
 * The reader: a source's metadata, then its numbered text beside the working translation, and the
 * annotation panel beside both (below them on narrow screens).
 */
export async function SourceReader({ locale, reading, currentSentence }: SourceReaderProps) {
  const t = await getTranslations({ locale, namespace: "reader" });
  const tSource = await getTranslations({ locale, namespace: "source" });
  const path = `/sources/${encodeURIComponent(reading.slug)}${currentSentence ? `/${currentSentence}` : ""}`;
  return (
    <PageShell locale={locale} path={path} width="wide">
      <article className={styles.source} aria-labelledby="source-title">
        <header className={styles.intro}>
          <SourceKindLine locale={locale} source={reading} className={styles.kind} />
          <h1 id="source-title">{reading.title[locale]}</h1>
          {reading.kind === "summary" && <p className={styles.note}>{tSource("summaryNote")}</p>}
        </header>

        <section aria-labelledby="metadata-heading" className={styles.metadata}>
          <h2 id="metadata-heading">{t("metadataHeading")}</h2>
          <SourceMetadata locale={locale} source={reading} detail="full" />
        </section>

        <AnnotationMessages locale={locale}>
          <AnnotationLayer
            locale={locale}
            sourceSlug={reading.slug}
            editionNumber={reading.edition.number}
            passages={reading.passages}
            variant="reader"
            labelledBy="text-heading"
          >
            <section aria-labelledby="text-heading">
              <div className={styles.textBar}>
                <h2 id="text-heading">{t("textHeading")}</h2>
                <ReadingToggles
                  label={t("controlsLabel")}
                  toggles={{
                    numbers: t("showNumbers"),
                    translation: reading.translation ? t("showTranslation") : undefined,
                  }}
                />
              </div>
              {currentSentence !== undefined && (
                <p className="visually-hidden">{t("linkedSentence", { number: currentSentence })}</p>
              )}
              {!reading.translation && <p className={styles.note}>{t("noTranslation")}</p>}
              <SentenceGrid locale={locale} reading={reading} currentSentence={currentSentence} />
            </section>
          </AnnotationLayer>
        </AnnotationMessages>
      </article>
      {currentSentence !== undefined && <ScrollToSentence elementId={`s-${currentSentence}`} />}
    </PageShell>
  );
}
