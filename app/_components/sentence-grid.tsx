import { getTranslations } from "next-intl/server";
import { formatLanguageName } from "@/lib/sources/format-language-name";
import { formatSourceDate } from "@/lib/sources/format-source-date";
import type { Locale, SourceReading, TranslationView } from "@/lib/sources/types";
import { EditorialNoteMarkers } from "./editorial-apparatus";
import { TranslationNoteMarkers } from "./translation-apparatus";
import { WINDOWED_FROM_SENTENCES } from "./annotations/highlights/sentence-window-size";
import { OriginalSentences, TranslationSentences } from "./sentence-rows";
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

function groupBy<T>(items: readonly T[], keyOf: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The text, one numbered sentence per row, with the translation's sentence n beside the original's
 * sentence n. Both columns are items of one grid placed by explicit row, so twins stay level and the
 * page scrolls as one, while the DOM holds all original sentences before all translated ones: a text
 * selection inside the original never picks up translation text.
 *
 * The sentences are rendered by client components given them as data (sentence-rows.tsx); their
 * texts paint annotation highlights once an AnnotationLayer around the grid has the reader's list.
 * The server renders the bare text, the same for everyone.
 * Each original sentence's text element carries `data-start`, its offset in the edition text. The
 * markers of the editor's notes follow the sentence a note ends in, outside that element; those of
 * the translation's own notes follow the translation sentence they stand in.
 */
export async function SentenceGrid({ locale, reading, currentSentence, citedSentences }: SentenceGridProps) {
  const t = await getTranslations({ locale, namespace: "reader" });
  const { translation } = reading;
  // The notes' markers by sentence, only for the sentences that have any.
  const originalNotes = Object.fromEntries(
    [...groupBy(reading.notes, (note) => note.lastSentence)].map(([sentence, notes]) => [
      sentence,
      <EditorialNoteMarkers key={sentence} locale={locale} notes={notes} />,
    ]),
  );
  const translatedNotes = Object.fromEntries(
    [...groupBy(translation?.notes ?? [], (note) => note.sentence)].map(([sentence, notes]) => [
      sentence,
      <TranslationNoteMarkers key={sentence} locale={locale} notes={notes} />,
    ]),
  );
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
      <TwinHighlighter
        className={[
          styles.grid,
          translation && styles.withTranslation,
          reading.passages.length >= WINDOWED_FROM_SENTENCES && styles.long,
        ]
          .filter(Boolean)
          .join(" ")}
      >
        <div className={styles.original} lang={reading.language}>
          <OriginalSentences
            locale={locale}
            slug={reading.slug}
            passages={reading.passages}
            currentSentence={currentSentence}
            citedSentences={citedSentences}
            notes={originalNotes}
          />
        </div>
        {translation && (
          <div className={styles.translation} lang={translation.language}>
            <TranslationSentences sentences={translation.sentences} notes={translatedNotes} />
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
