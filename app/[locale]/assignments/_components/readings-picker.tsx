"use client";

import { useTranslations } from "next-intl";
import { useId } from "react";
import { readingRow, type ReadingRow } from "./reading-row";
import styles from "./assignments.module.css";

export interface SourceChoice {
  slug: string;
  title: string;
  /** Sentences in the current edition. */
  sentences: number;
}

/**
 * The readings of an assignment in the order to read them: each a source, whole or from one sentence
 * to another; rows can be added, moved up or down and removed, each with buttons named for its row.
 */
export function ReadingsPicker({
  sources,
  rows,
  onChange,
}: {
  sources: SourceChoice[];
  rows: ReadingRow[];
  onChange: (rows: ReadingRow[]) => void;
}) {
  const t = useTranslations("assignments.form");
  const id = useId();
  const update = (index: number, patch: Partial<ReadingRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t("readings")}</legend>
      <p className={styles.hint}>{t("readingsHint")}</p>
      <ol className={styles.readings}>
        {rows.map((row, index) => {
          const source = sources.find((s) => s.slug === row.source);
          const n = index + 1;
          return (
            <li key={row.key} className={styles.reading}>
              <label htmlFor={`${id}-${row.key}-source`}>{t("readingSource", { n })}</label>
              <select
                id={`${id}-${row.key}-source`}
                value={row.source}
                onChange={(event) => update(index, { source: event.target.value })}
              >
                {sources.map((s) => (
                  <option key={s.slug} value={s.slug}>
                    {s.title}
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-${row.key}-first`}>{t("firstSentence", { n })}</label>
              <input
                id={`${id}-${row.key}-first`}
                type="number"
                min={1}
                max={source?.sentences}
                inputMode="numeric"
                value={row.firstSentence}
                onChange={(event) => update(index, { firstSentence: event.target.value })}
              />
              <label htmlFor={`${id}-${row.key}-last`}>{t("lastSentence", { n })}</label>
              <input
                id={`${id}-${row.key}-last`}
                type="number"
                min={1}
                max={source?.sentences}
                inputMode="numeric"
                value={row.lastSentence}
                onChange={(event) => update(index, { lastSentence: event.target.value })}
              />
              <span className={styles.hint}>{t("sentenceCount", { count: source?.sentences ?? 0 })}</span>
              <span className={styles.rowButtons}>
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)}>
                  {t("moveUp", { n })}
                </button>
                <button type="button" disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                  {t("moveDown", { n })}
                </button>
                <button
                  type="button"
                  disabled={rows.length === 1}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  {t("removeReading", { n })}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className={styles.add}
        onClick={() => onChange([...rows, readingRow(sources[0]?.slug ?? "")])}
      >
        {t("addReading")}
      </button>
    </fieldset>
  );
}
