"use client";

import { useTranslations } from "next-intl";
import { alignmentStatus, segmentNotes, type TranslationAlignment } from "@/lib/sources/align-translation";
import { useMessageText } from "../forms/use-message-text";
import formStyles from "../forms/forms.module.css";
import styles from "./alignment-editor.module.css";

/** The original's latest edition as the editor pairs it: its language and its sentences' texts. */
export interface OriginalText {
  language: string;
  sentences: string[];
}

/**
 * The alignment editor: each numbered sentence of the original beside the translation segment paired
 * with it (segment i beside sentence i + 1), then any segments left over. Per segment: join it with
 * the next, split it after a chosen word, insert an empty segment before it (shifting the rest down
 * one sentence), or remove it if it is empty (shifting the rest up). A live status says how many
 * sentences are paired. A TEI text's notes are listed under the segment that holds them, where they
 * stay through every correction (segmentNotes) and where readers will see them. The alignment itself
 * travels in a hidden field as JSON.
 */
export function AlignmentEditor({
  original,
  alignment,
  fields,
  error,
  errorValues,
}: {
  original: OriginalText;
  alignment: TranslationAlignment;
  fields: Record<string, string>;
  /** The i18n key under "errors" of what is wrong with the alignment as a whole, and its values. */
  error?: string;
  errorValues?: Record<string, number>;
}) {
  const t = useTranslations("newTranslation");
  const errorText = useMessageText("errors");
  const { segments } = alignment;
  const total = original.sentences.length;
  const status = alignmentStatus(total, segments);
  const rows = Math.max(total, segments.length);
  const notes = segmentNotes(alignment);
  const noteCount = alignment.notes?.length ?? 0;
  return (
    <section aria-labelledby="alignment-heading" className={styles.editor}>
      <input type="hidden" name="alignment" value={JSON.stringify(alignment)} />
      <h2 id="alignment-heading" tabIndex={-1}>
        {t("alignmentHeading")}
      </h2>
      <p className={formStyles.hint}>{t("alignmentHint")}</p>
      {noteCount > 0 && <p className={formStyles.hint}>{t("notesKept", { count: noteCount })}</p>}
      <div role="status" className={status.complete ? styles.complete : styles.incomplete}>
        <p>{t("status", { paired: status.paired, total })}</p>
        {status.surplus > 0 && <p>{t("surplus", { count: status.surplus })}</p>}
        {status.missing > 0 && <p>{t("missing", { count: status.missing })}</p>}
      </div>
      {error && <p className={formStyles.fieldError}>{errorText(error, errorValues)}</p>}
      <ol className={styles.rows}>
        {Array.from({ length: rows }, (_, i) => {
          const number = i + 1;
          const segment = segments[i];
          const segmentText = segment ? alignment.text.slice(segment.start, segment.end) : "";
          const words = segmentText === "" ? 0 : segmentText.split(/\s+/u).length;
          const splitError = fields[`split.${i}`];
          const held = notes[i] ?? [];
          return (
            <li key={i} className={styles.row} data-surplus={i >= total ? "" : undefined}>
              <div className={styles.original}>
                <span className={styles.label}>
                  {i < total ? t("sentenceLabel", { number }) : t("noSentence")}
                </span>
                {i < total && <p lang={original.language}>{original.sentences[i]}</p>}
              </div>
              <div className={styles.segment}>
                <span className={styles.label}>
                  {segment === undefined
                    ? t("missingSegment")
                    : segment === null
                      ? t("emptySegment", { number })
                      : t("segmentLabel", { number })}
                </span>
                {segment && <p>{segmentText}</p>}
                {held.length > 0 && (
                  <div className={styles.notes}>
                    <span id={`segment-notes-${i}`} className={styles.label}>
                      {t("segmentNotes", { number, count: held.length })}
                    </span>
                    <ul aria-labelledby={`segment-notes-${i}`}>
                      {held.map((note, j) => (
                        <li key={j}>{note.body}</li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
              <div className={styles.controls}>
                {segment !== undefined && i < segments.length - 1 && (
                  <button
                    type="submit"
                    name="op"
                    value={`join:${i}`}
                    className={formStyles.secondary}
                    aria-label={t("joinLabel", { number, next: number + 1 })}
                  >
                    {t("join")}
                  </button>
                )}
                {words > 1 && (
                  <span className={styles.split}>
                    <label htmlFor={`words-${i}`}>{t("splitAfter", { number })}</label>
                    <input
                      id={`words-${i}`}
                      name={`words.${i}`}
                      type="number"
                      min={1}
                      max={words - 1}
                      inputMode="numeric"
                      className={styles.wordInput}
                      aria-invalid={splitError ? true : undefined}
                      aria-describedby={splitError ? `words-${i}-error` : undefined}
                    />
                    <button
                      type="submit"
                      name="op"
                      value={`split:${i}`}
                      className={formStyles.secondary}
                      aria-label={t("splitLabel", { number })}
                    >
                      {t("split")}
                    </button>
                    {splitError && (
                      <span id={`words-${i}-error`} className={formStyles.fieldError}>
                        {errorText(splitError)}
                      </span>
                    )}
                  </span>
                )}
                {i <= segments.length && i < total && (
                  <button
                    type="submit"
                    name="op"
                    value={`insert:${i}`}
                    className={formStyles.secondary}
                    aria-label={t("insertLabel", { number })}
                  >
                    {t("insert")}
                  </button>
                )}
                {segment === null && (
                  <button
                    type="submit"
                    name="op"
                    value={`remove:${i}`}
                    className={formStyles.secondary}
                    aria-label={t("removeLabel", { number })}
                  >
                    {t("remove")}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
