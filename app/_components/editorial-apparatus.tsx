import { getTranslations } from "next-intl/server";
import { apparatusLetter } from "@/lib/sources/apparatus-letter";
import type { EditorialNoteView, Locale, SourceReading } from "@/lib/sources/types";
import styles from "./editorial-apparatus.module.css";

/** The element id of an editor's note in the apparatus, and of its marker in the text. */
export function apparatusNoteId(note: EditorialNoteView): string {
  return `apparatus-${apparatusLetter(note.number)}`;
}

export function apparatusMarkerId(note: EditorialNoteView): string {
  return `apparatus-ref-${apparatusLetter(note.number)}`;
}

/** One note's marker: its visible mark, its element id, the id of its note, and its name for screen readers. */
export interface NoteMarker {
  mark: string;
  id: string;
  noteId: string;
  label: string;
}

/**
 * Note markers after a sentence: superscripts linking to their note in an apparatus
 * (`doc-noteref`), each named for screen readers. Shared by the editor's notes and the translation's.
 */
export function NoteMarkers({ locale, markers }: { locale: Locale; markers: NoteMarker[] }) {
  if (markers.length === 0) return null;
  return (
    <span className={styles.markers} lang={locale}>
      {markers.map((marker) => (
        <sup key={marker.id}>
          <a
            id={marker.id}
            href={`#${marker.noteId}`}
            role="doc-noteref"
            className={styles.marker}
            aria-label={marker.label}
          >
            {marker.mark}
          </a>
        </sup>
      ))}
    </span>
  );
}

/**
 * The markers of the editor's notes that end in a sentence: superscript letters linking to their note
 * in the apparatus, each named for screen readers ("Editor's note a").
 */
export async function EditorialNoteMarkers({
  locale,
  notes,
}: {
  locale: Locale;
  notes: EditorialNoteView[];
}) {
  if (notes.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "apparatus" });
  return (
    <NoteMarkers
      locale={locale}
      markers={notes.map((note) => ({
        mark: apparatusLetter(note.number),
        id: apparatusMarkerId(note),
        noteId: apparatusNoteId(note),
        label: t("markerLabel", { letter: apparatusLetter(note.number) }),
      }))}
    />
  );
}

/**
 * The editorial apparatus under the text: Glossa's editor's notes on this edition, lettered in the
 * order of the text, each naming the sentences (and words) it is about, with a link back to its
 * marker. Told apart from seminar annotations: the editors' notes are part of the edition's
 * presentation, the same for every reader, and printed with the text.
 */
export async function EditorialApparatus({ locale, reading }: { locale: Locale; reading: SourceReading }) {
  if (reading.notes.length === 0) return null;
  const t = await getTranslations({ locale, namespace: "apparatus" });
  return (
    <section aria-labelledby="apparatus-heading" className={styles.apparatus} role="doc-endnotes">
      <h3 id="apparatus-heading">{t("heading")}</h3>
      <p className={styles.intro}>{t("intro")}</p>
      <ol className={styles.notes}>
        {reading.notes.map((note) => {
          const letter = apparatusLetter(note.number);
          const passage = reading.passages.find((p) => p.number === note.firstSentence);
          const wholeSentences =
            passage !== undefined &&
            note.start === passage.start &&
            note.end === reading.passages.find((p) => p.number === note.lastSentence)?.end;
          const quote = textOf(reading, note);
          return (
            <li key={note.number} id={apparatusNoteId(note)} tabIndex={-1} className={styles.note}>
              <span className={styles.letter} aria-hidden="true">
                {letter}
              </span>
              <div>
                <p className={styles.place}>
                  <span className="visually-hidden">{t("markerLabel", { letter })}: </span>
                  {note.firstSentence === note.lastSentence
                    ? t("sentence", { number: note.firstSentence })
                    : t("sentences", { first: note.firstSentence, last: note.lastSentence })}
                  {!wholeSentences && (
                    <>
                      {t("onWords")} <q lang={reading.language}>{quote}</q>
                    </>
                  )}
                </p>
                <p className={styles.body}>{note.body[locale]}</p>
                <a
                  href={`#${apparatusMarkerId(note)}`}
                  role="doc-backlink"
                  className={styles.back}
                  aria-label={t("backLabel", { letter })}
                >
                  {t("back")}
                </a>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The words of the edition's text the note is about (its passages hold the text in order). */
function textOf(reading: SourceReading, note: EditorialNoteView): string {
  return reading.passages
    .filter((p) => p.end > note.start && p.start < note.end)
    .map((p) => p.text.slice(Math.max(0, note.start - p.start), Math.max(0, note.end - p.start)))
    .join(" ");
}
