"use client";

import { useTranslations } from "next-intl";
import { useCiting } from "../../citations/citing-context";
import { QuoteIcon } from "../../citations/quote-icon";
import { selectCanAnnotate, selectSentenceCounts, type ReaderState } from "../data/reader-store";
import { useReaderContext, useReaderIn } from "../data/use-reader";
import { useNearView } from "./sentence-window";
import styles from "./sentence-tools.module.css";

interface SentenceToolsProps {
  sentence: number;
  /** "margin": beside the reader's margin number; "inline": after a compared column's number. */
  placement: "margin" | "inline";
}

/**
 * A sentence's buttons. Once a signed-in reader's list has arrived: how many annotations touch the
 * sentence (opens them in the panel) and "Annotate sentence n" (a draft of the whole sentence, for
 * readers who do not select with a mouse). For every reader once the page is hydrated: "Cite sentence
 * n" (the cite dialog). Nothing is rendered on the server.
 */
export function SentenceTools({ sentence, placement }: SentenceToolsProps) {
  const t = useTranslations("annotationReader");
  const reader = useReaderContext();
  // In a long text, only a sentence near the view has its buttons (sentence-window.ts); a keyboard
  // reader tabbing on reaches the next sentence's number link, which brings it near.
  const near = useNearView(reader?.sentenceWindow ?? null, sentence);
  const canAnnotate = useReaderIn(reader, selectCanAnnotate, false);
  const count = useReaderIn(reader, (state) => (near ? sentenceCount(state, sentence) : 0), 0);
  const citing = useCiting();
  if (!near) return null;
  const cite = citing && <CiteSentenceButton sentence={sentence} onCite={citing.citeSentence} />;
  if (!reader || !canAnnotate) {
    return cite ? <span className={`${styles.tools} ${styles[placement]} no-print`}>{cite}</span> : null;
  }
  return (
    <span className={`${styles.tools} ${styles[placement]} no-print`}>
      {count > 0 && (
        <button
          type="button"
          className={styles.count}
          aria-label={t("sentenceCount", { number: sentence, count })}
          // detail 0: pressed with Enter or Space, not clicked.
          onClick={(event) => reader.commands.focusSentence(sentence, event.detail === 0)}
        >
          {count}
        </button>
      )}
      <button
        type="button"
        className={styles.annotate}
        aria-label={t("annotateSentence", { number: sentence })}
        title={t("annotateSentence", { number: sentence })}
        onClick={(event) => reader.commands.annotateSentence(sentence, event.currentTarget)}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M8 3v10M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      {cite}
    </span>
  );
}

/** "Cite sentence n": opens the cite dialog for the whole sentence; focus comes back here after. */
function CiteSentenceButton({
  sentence,
  onCite,
}: {
  sentence: number;
  onCite: (sentence: number, opener: HTMLElement) => void;
}) {
  const t = useTranslations("cite");
  const label = t("citeSentence", { number: sentence });
  return (
    <button
      type="button"
      className={styles.cite}
      aria-label={label}
      title={label}
      onClick={(event) => onCite(sentence, event.currentTarget)}
    >
      <QuoteIcon />
    </button>
  );
}

/**
 * The translation's echo of its original sentence's count, so a reader of the translation sees
 * where the annotations fall. Pointer users can click it; for assistive technology it would repeat
 * the original's count button, so it is hidden from it.
 */
export function TwinSentenceCount({ sentence }: { sentence: number }) {
  const t = useTranslations("annotationReader");
  const reader = useReaderContext();
  const near = useNearView(reader?.sentenceWindow ?? null, sentence);
  const count = useReaderIn(reader, (state) => (near ? sentenceCount(state, sentence) : 0), 0);
  if (!reader || count === 0) return null;
  return (
    <span
      className={`${styles.twinCount} no-print`}
      aria-hidden="true"
      title={t("sentenceCount", { number: sentence, count })}
      onClick={() => reader.commands.focusSentence(sentence, false)}
    >
      {count}
    </span>
  );
}

/** Annotations touching a sentence (0 before a signed-in reader's index arrives). */
function sentenceCount(state: ReaderState, sentence: number): number {
  return selectSentenceCounts(state)[String(sentence)] ?? 0;
}
