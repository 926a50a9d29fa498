import type { ReactNode } from "react";
import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { TextRange } from "@/lib/anchoring/selectors";
import type { Locale, SourceReading } from "@/lib/sources/types";
import { AnnotationLayer } from "./annotations/annotation-layer";
import { AssignmentBannerSlot } from "./assignments/assignment-banner-slot";
import { HighlightPrepaint } from "./annotations/highlights/highlight-prepaint";
import { PREPAINT_ROOT_ATTRIBUTE } from "./annotations/highlights/prepaint-names";
import { CITED_PASSAGE_BANNER_ID } from "./citations/cited-passage-id";
import { CitedPassageHighlight } from "./citations/cited-passage-highlight";
import { CitingProvider } from "./citations/citing-context";
import { ScrollToCitedPassage } from "./citations/scroll-to-cited-passage";
import { EditionsLink } from "./editions/editions-link";
import { EditorialApparatus } from "./editorial-apparatus";
import { PageShell } from "./page-shell";
import { ReadingToggles } from "./reading-toggles";
import { ScrollToSentence } from "./scroll-to-sentence";
import { SentenceGrid } from "./sentence-grid";
import { SourceKindLine } from "./source-kind-line";
import { SourceMetadata, SourceMetadataLine } from "./source-metadata";
import { RevisionLinks } from "./revisions/revision-links";
import { TextDownloads } from "./text-downloads";
import { TranslationApparatus } from "./translation-apparatus";
import { AddTranslationLink } from "./translations/add-translation-link";
import styles from "./source-reader.module.css";

interface SourceReaderProps {
  locale: Locale;
  reading: SourceReading;
  /** Set on a sentence URL (`/sources/{slug}/{n}`): that sentence is marked and scrolled to. */
  currentSentence?: number;
  /**
   * Set on a permalink's page: the passage (in this reading's edition) is highlighted, its sentences
   * marked and scrolled to, with `banner` (CitedPassageBanner: what is cited, and how to cite it)
   * above the text.
   */
  cited?: CitedPassageView;
}

export interface CitedPassageView {
  range: TextRange;
  firstSentence: number;
  lastSentence: number;
  /** The page's path without the locale, for the language switch. */
  path: string;
  banner: ReactNode;
  /**
   * False when the edition shown is not the latest: annotations are placed in the latest edition, so
   * they are not drawn over an older one.
   */
  annotations: boolean;
}

/** The message namespaces the annotation layer, its panel and the cite dialog show in the browser. */
const ANNOTATION_NAMESPACES = ["annotationReader", "annotations", "errors", "cite", "people"];

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
 * annotation panel beside both (below them on narrow screens). Any passage of the text can be cited.
 */
export async function SourceReader({ locale, reading, currentSentence, cited }: SourceReaderProps) {
  const t = await getTranslations({ locale, namespace: "reader" });
  const tSource = await getTranslations({ locale, namespace: "source" });
  const path =
    cited?.path ??
    `/sources/${encodeURIComponent(reading.slug)}${currentSentence ? `/${currentSentence}` : ""}`;
  const grid = (
    <SentenceGrid
      locale={locale}
      reading={reading}
      currentSentence={currentSentence}
      citedSentences={cited && { first: cited.firstSentence, last: cited.lastSentence }}
    />
  );
  const layered = cited?.annotations !== false;
  const text = (
    <section aria-labelledby="text-heading" {...(layered && { [PREPAINT_ROOT_ATTRIBUTE]: "" })}>
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
      {/* Before the text: its request goes out while the text arrives. */}
      {layered && <HighlightPrepaint sourceSlug={reading.slug} />}
      {cited ? <CitedPassageHighlight range={cited.range}>{grid}</CitedPassageHighlight> : grid}
      <EditorialApparatus locale={locale} reading={reading} />
      <TranslationApparatus locale={locale} translation={reading.translation} />
    </section>
  );
  return (
    <PageShell locale={locale} path={path} width="wide">
      <article className={styles.source} aria-labelledby="source-title">
        {/* The title with the source in one line beside it (its full record folded): the text comes next. */}
        <div className={styles.top}>
          <header className={styles.intro}>
            <SourceKindLine locale={locale} source={reading} className={styles.kind} />
            <h1 id="source-title">{reading.title[locale]}</h1>
            {reading.kind === "summary" && <p className={styles.note}>{tSource("summaryNote")}</p>}
          </header>

          <section aria-labelledby="metadata-heading" className={styles.metadata}>
            <h2 id="metadata-heading" className={styles.metadataHeading}>
              {t("metadataHeading")}
            </h2>
            <SourceMetadataLine locale={locale} source={reading} />
            <details className={styles.record}>
              <summary>{t("fullRecord")}</summary>
              <SourceMetadata locale={locale} source={reading} detail="full" />
            </details>
            <TextDownloads locale={locale} slug={reading.slug} editionNumber={reading.edition.number} />
            <EditionsLink locale={locale} slug={reading.slug} />
            <RevisionLinks locale={locale} slug={reading.slug} />
            <AddTranslationLink
              locale={locale}
              slug={reading.slug}
              hasTranslation={reading.translation !== null}
            />
          </section>
        </div>

        <AssignmentBannerSlot locale={locale} sourceSlug={reading.slug} />
        <AnnotationMessages locale={locale}>
          {cited?.banner}
          <CitingProvider
            locale={locale}
            sourceSlug={reading.slug}
            editionNumber={reading.edition.number}
            language={reading.language}
            sentences={reading.passages.map(({ number, start, end }) => ({ number, start, end }))}
          >
            {cited?.annotations === false ? (
              text
            ) : (
              <AnnotationLayer
                locale={locale}
                sourceSlug={reading.slug}
                language={reading.language}
                editionNumber={reading.edition.number}
                passages={reading.passages}
                variant="reader"
                labelledBy="text-heading"
              >
                {text}
              </AnnotationLayer>
            )}
          </CitingProvider>
        </AnnotationMessages>
      </article>
      {cited ? (
        <ScrollToCitedPassage bannerId={CITED_PASSAGE_BANNER_ID} sentenceId={`s-${cited.firstSentence}`} />
      ) : (
        currentSentence !== undefined && <ScrollToSentence elementId={`s-${currentSentence}`} />
      )}
    </PageShell>
  );
}
