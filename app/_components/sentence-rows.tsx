"use client";

import type { CSSProperties, ReactNode } from "react";
import { useTranslations } from "next-intl";
import type { Locale, PassageView } from "@/lib/sources/types";
import { sourcePath } from "../_lib/source-path";
import { AnnotatedText } from "./annotations/highlights/annotated-text";
import { SentenceTools, TwinSentenceCount } from "./annotations/highlights/sentence-tools";
import styles from "./sentence-grid.module.css";

/**
 * The sentences of the reader's grid (sentence-grid.tsx), one row each. A client component that is
 * given the sentences as data, rather than server components per sentence: the page's React payload
 * then holds each sentence's text once, and the passages the same array the annotation layer is
 * given (so it is sent once for both), instead of every sentence's elements written out. On a
 * 500,000-character source that payload went from 3.2 MB to 0.9 MB (the page from 4.4 MB to
 * 2.1 MB), which the browser reads while the highlights wait (tests/bench/annotations.ts). The
 * server renders the same HTML as before. `notes`: the markers to put after a sentence, by number,
 * for the sentences that have any (server-rendered: editorial-apparatus.tsx,
 * translation-apparatus.tsx).
 */

/** Places a sentence in row `row` of the grid (CSS reads --row; narrow screens interleave rows). */
function rowStyle(row: number): CSSProperties {
  return { "--row": row } as CSSProperties;
}

export function OriginalSentences({
  locale,
  slug,
  passages,
  currentSentence,
  citedSentences,
  notes,
}: {
  locale: Locale;
  slug: string;
  passages: PassageView[];
  currentSentence?: number;
  citedSentences?: { first: number; last: number };
  notes: Record<number, ReactNode>;
}) {
  const t = useTranslations("annotationReader");
  return passages.map((passage) => (
    <div
      key={passage.number}
      id={`s-${passage.number}`}
      data-sentence={passage.number}
      className={styles.sentence}
      style={rowStyle(passage.number)}
      aria-current={passage.number === currentSentence ? "true" : undefined}
      data-cited={
        citedSentences && passage.number >= citedSentences.first && passage.number <= citedSentences.last
          ? ""
          : undefined
      }
    >
      <a
        className={styles.number}
        href={sourcePath(locale, slug, passage.number)}
        lang={locale}
        aria-label={t("sentenceNumberLink", { number: passage.number })}
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
      {notes[passage.number]}
    </div>
  ));
}

export function TranslationSentences({
  sentences,
  notes,
}: {
  sentences: { number: number; text: string }[];
  notes: Record<number, ReactNode>;
}) {
  return sentences.map((sentence) => (
    <div
      key={sentence.number}
      data-sentence={sentence.number}
      className={styles.sentence}
      style={rowStyle(sentence.number)}
    >
      <TwinSentenceCount sentence={sentence.number} />
      <span className={styles.text}>{sentence.text}</span>
      {notes[sentence.number]}
    </div>
  ));
}
