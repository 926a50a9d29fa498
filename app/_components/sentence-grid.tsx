import type { CSSProperties } from "react";
import { getTranslations } from "next-intl/server";
import { formatLanguageName } from "@/lib/sources/format-language-name";
import { formatSourceDate } from "@/lib/sources/format-source-date";
import type { Locale, SourceReading, TranslationNoteView, TranslationView } from "@/lib/sources/types";
import { sourcePath } from "../_lib/source-path";
import { AnnotatedText } from "./annotations/highlights/annotated-text";
import { SentenceTools, TwinSentenceCount } from "./annotations/highlights/sentence-tools";
import { EditorialNoteMarkers } from "./editorial-apparatus";
import { TranslationNoteMarkers } from "./translation-apparatus";
import { TwinHighlighter } from "./twin-highlighter";
import styles from "./sentence-grid.module.css";

interface SentenceGridProps {
  locale: Locale;
  reading: SourceReading;
  /** The sentence a sentence URL points at, marked as current. */
  currentSentence?: number;
  /** The sentences a permalink's passage touches, outlined (`data-cited`). */
  citedSentences?: { first: number; last: number };
}

/** Places a sentence in row `row` of the grid (CSS reads --row; narrow screens interleave rows). */
function rowStyle(row: number): CSSProperties {
  return { "--row": row } as CSSProperties;
}

/**
 * The text, one numbered sentence per row, with the translation's sentence n beside the original's
 * sentence n. Both columns are items of one grid placed by explicit row, so twins stay level and the
 * page scrolls as one, while the DOM holds all original sentences before all translated ones: a text
 * selection inside the original never picks up translation text.
 *
 * The sentence texts are client components that paint annotation highlights once an AnnotationLayer
 * around the grid has the reader's list; the server renders the bare text, the same for everyone.
 * Each original sentence's text element carries `data-start`, its offset in the edition text. The
 * markers of the editor's notes follow the sentence a note ends in, outside that element; those of
 * the translation's own notes follow the translation sentence they stand in.
 */
export async function SentenceGrid({ locale, reading, currentSentence, citedSentences }: SentenceGridProps) {
  const t = await getTranslations({ locale, namespace: "reader" });
  const { translation } = reading;
  const translationNotes = new Map<number, TranslationNoteView[]>();
  for (const note of translation?.notes ?? []) {
    translationNotes.set(note.sentence, [...(translationNotes.get(note.sentence) ?? []), note]);
  }
  return (
    <div className={styles.reading}>
      <div className={styles.heads}>
        <h3 className={styles.originalHead}>
          {t("originalHeading", { language: formatLanguageName(reading.language, locale) })}
        </h3>
        {translation && (
          <div className={styles.translationHead}>
            {translation.addedInApp ? (
              <>
                <h3>
                  {t("addedTranslationHeading", {
                    language: formatLanguageName(translation.language, locale),
                  })}
                </h3>
                <p className={styles.translationNote}>
                  {translation.translator
                    ? t("addedTranslationBy", {
                        label: translation.label,
                        translator: translation.translator,
                      })
                    : translation.label}
                </p>
              </>
            ) : (
              <>
                <h3>
                  {t("translationHeading", { language: formatLanguageName(translation.language, locale) })}
                </h3>
                <p className={styles.translationNote}>{t("translationNote")}</p>
                <TranslationRevision locale={locale} translation={translation} />
              </>
            )}
          </div>
        )}
      </div>
      <TwinHighlighter className={translation ? `${styles.grid} ${styles.withTranslation}` : styles.grid}>
        <div className={styles.original} lang={reading.language}>
          {reading.passages.map((passage) => (
            <div
              key={passage.number}
              id={`s-${passage.number}`}
              data-sentence={passage.number}
              className={styles.sentence}
              style={rowStyle(passage.number)}
              aria-current={passage.number === currentSentence ? "true" : undefined}
              data-cited={
                citedSentences &&
                passage.number >= citedSentences.first &&
                passage.number <= citedSentences.last
                  ? ""
                  : undefined
              }
            >
              <a
                className={styles.number}
                href={sourcePath(locale, reading.slug, passage.number)}
                lang={locale}
                aria-label={t("sentenceLink", { number: passage.number })}
              >
                {passage.number}
              </a>
              <SentenceTools sentence={passage.number} placement="margin" />
              <AnnotatedText
                className={styles.text}
                sentence={passage.number}
                start={passage.start}
                text={passage.text}
              />
              <EditorialNoteMarkers
                locale={locale}
                notes={reading.notes.filter((note) => note.lastSentence === passage.number)}
              />
            </div>
          ))}
        </div>
        {translation && (
          <div className={styles.translation} lang={translation.language}>
            {translation.sentences.map((sentence) => (
              <div
                key={sentence.number}
                data-sentence={sentence.number}
                className={styles.sentence}
                style={rowStyle(sentence.number)}
              >
                <TwinSentenceCount sentence={sentence.number} />
                <span className={styles.text}>{sentence.text}</span>
                <TranslationNoteMarkers locale={locale} notes={translationNotes.get(sentence.number) ?? []} />
              </div>
            ))}
          </div>
        )}
      </TwinHighlighter>
    </div>
  );
}

/** Which edition of the working translation this is, who made it and when, if source.yaml says. */
async function TranslationRevision({
  locale,
  translation,
}: {
  locale: Locale;
  translation: TranslationView;
}) {
  const { revision, revisedBy, revisedOn } = translation;
  if (revision === null || revisedBy === null || revisedOn === null) return null;
  const t = await getTranslations({ locale, namespace: "reader" });
  const values = { edition: revision, by: revisedBy[locale], date: formatSourceDate(revisedOn, locale) };
  return (
    <p className={styles.translationNote}>
      {revision === 1 ? t("translationFirstEdition", values) : t("translationRevised", values)}
    </p>
  );
}
