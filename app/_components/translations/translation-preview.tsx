"use client";

import type { CSSProperties } from "react";
import { useLocale, useTranslations } from "next-intl";
import { segmentTexts, type TranslationAlignment } from "@/lib/sources/align-translation";
import { formatLanguageName } from "@/lib/sources/format-language-name";
import type { Locale } from "@/lib/sources/types";
import gridStyles from "../sentence-grid.module.css";
import type { OriginalText } from "./alignment-editor";
import styles from "./alignment-editor.module.css";

const rowStyle = (row: number) => ({ "--row": row }) as CSSProperties;

/** A language code as the form's language field takes it (the same rule as the service's). */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u;

/**
 * The translation as the reader will show it once saved: the original's numbered sentences in one
 * column and the paired segments beside them in the other, in the reader's own grid. Segments left
 * over past the original's last sentence are not shown (they cannot be saved).
 */
export function TranslationPreview({
  original,
  alignment,
  language,
}: {
  original: OriginalText;
  alignment: TranslationAlignment;
  language: string;
}) {
  const t = useTranslations("newTranslation");
  const locale = useLocale() as Locale;
  const tag = LANGUAGE_TAG.test(language) ? language : undefined;
  const texts = segmentTexts(alignment).slice(0, original.sentences.length);
  return (
    <section aria-labelledby="translation-preview-heading" className={styles.editor}>
      <h2 id="translation-preview-heading">{t("previewHeading")}</h2>
      <div className={gridStyles.reading}>
        <div className={gridStyles.heads}>
          <h3 className={gridStyles.originalHead}>
            {t("originalColumn", { language: formatLanguageName(original.language, locale) })}
          </h3>
          <div className={gridStyles.translationHead}>
            <h3>{t("translationColumn", { language: tag ? formatLanguageName(tag, locale) : "—" })}</h3>
          </div>
        </div>
        <div className={`${gridStyles.grid} ${gridStyles.withTranslation}`}>
          <div className={gridStyles.original} lang={original.language}>
            {original.sentences.map((sentence, i) => (
              <div key={i} className={gridStyles.sentence} style={rowStyle(i + 1)}>
                <span className={gridStyles.number}>{i + 1}</span>
                <span className={gridStyles.text}>{sentence}</span>
              </div>
            ))}
          </div>
          <div className={gridStyles.translation} lang={tag}>
            {texts.map((text, i) => (
              <div key={i} className={gridStyles.sentence} style={rowStyle(i + 1)}>
                <span className={gridStyles.text}>{text}</span>
              </div>
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
