import { getTranslations } from "next-intl/server";
import type { Locale, TranslationNoteView, TranslationView } from "@/lib/sources/types";
import { translationNoteNumeral } from "@/lib/sources/apparatus-letter";
import { NoteMarkers } from "./editorial-apparatus";
import styles from "./editorial-apparatus.module.css";

/** The element id of a translation's note in its apparatus, and of its marker in the translation. */
export function translationNoteId(note: TranslationNoteView): string {
  return `translation-note-${note.number}`;
}

export function translationMarkerId(note: TranslationNoteView): string {
  return `translation-note-ref-${note.number}`;
}

/**
 * The markers of the translation's notes that stand in a translation sentence: superscript Roman
 * numerals (the editor's notes on the original have letters) linking to their note, each named for screen
 * readers ("Translation note i"), as the editor's notes are marked.
 */
export async function TranslationNoteMarkers({
  locale,
  notes,
}: {
  locale: Locale;
  notes: TranslationNoteView[];
}) {
  if (notes.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "apparatus" });
  return (
    <NoteMarkers
      locale={locale}
      markers={notes.map((note) => ({
        mark: translationNoteNumeral(note.number),
        id: translationMarkerId(note),
        noteId: translationNoteId(note),
        label: t("translationMarkerLabel", { numeral: translationNoteNumeral(note.number) }),
      }))}
    />
  );
}

/**
 * The translation's own notes (a TEI translation's `<note>`s, kept when it was attached), under the
 * editor's apparatus and in its markup: marked i, ii, iii… in the order of the text, each naming the sentence
 * it stands in, in the translation's language, with a link back to its marker. Hidden with the
 * translation column.
 */
export async function TranslationApparatus({
  locale,
  translation,
}: {
  locale: Locale;
  translation: TranslationView | null;
}) {
  if (!translation || translation.notes.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "apparatus" });
  return (
    <section
      aria-labelledby="translation-apparatus-heading"
      className={`${styles.apparatus} ${styles.translationApparatus}`}
      role="doc-endnotes"
    >
      <h3 id="translation-apparatus-heading">{t("translationHeading")}</h3>
      <p className={styles.intro}>{t("translationIntro", { label: translation.label })}</p>
      <ol className={styles.notes}>
        {translation.notes.map((note) => (
          <li key={note.number} id={translationNoteId(note)} tabIndex={-1} className={styles.note}>
            <span className={styles.letter} aria-hidden="true">
              {translationNoteNumeral(note.number)}
            </span>
            <div>
              <p className={styles.place}>
                <span className="visually-hidden">
                  {t("translationMarkerLabel", { numeral: translationNoteNumeral(note.number) })}:{" "}
                </span>
                {t("translationSentence", { number: note.sentence })}
              </p>
              <p className={styles.body} lang={translation.language}>
                {note.body}
              </p>
              <a
                href={`#${translationMarkerId(note)}`}
                role="doc-backlink"
                className={styles.back}
                aria-label={t("translationBackLabel", { numeral: translationNoteNumeral(note.number) })}
              >
                {t("translationBack")}
              </a>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
