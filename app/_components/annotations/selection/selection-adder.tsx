"use client";

import { useTranslations } from "next-intl";
import { QuoteIcon } from "../../citations/quote-icon";
import type { AdderPosition } from "./adder-position";
import styles from "./selection-adder.module.css";

interface SelectionAdderProps {
  position: AdderPosition;
  /** Null for a reader who cannot annotate (signed out): no "Annotate" button. */
  onAnnotate: (() => void) | null;
  /** Null until the page can open the cite dialog. */
  onCite: (() => void) | null;
}

/**
 * The small "Annotate" and "Cite" buttons that appear under a text selection in the original.
 * "Annotate" (or the A key while the selection stands) starts a draft; "Cite" (or the C key) opens
 * the cite dialog for the selected words. They do not take the selection away: a mouse press on them
 * does not move focus or collapse the selection.
 */
export function SelectionAdder({ position, onAnnotate, onCite }: SelectionAdderProps) {
  const t = useTranslations("annotationReader");
  const tCite = useTranslations("cite");
  return (
    <div
      className={`${styles.adder} no-print`}
      style={{ top: position.top, left: position.left }}
      data-selection-adder=""
    >
      {onAnnotate && (
        <button
          type="button"
          className={styles.button}
          aria-keyshortcuts="A"
          title={t("annotateShortcut")}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onAnnotate}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
            <path d="M2 13.5V11l7.5-7.5 2.5 2.5L4.5 13.5zM10.5 2.5l1-1 2.5 2.5-1 1z" fill="currentColor" />
          </svg>
          {t("annotate")}
        </button>
      )}
      {onCite && (
        <button
          type="button"
          className={styles.button}
          aria-keyshortcuts="C"
          title={tCite("citeShortcut")}
          onMouseDown={(event) => event.preventDefault()}
          onClick={onCite}
        >
          <QuoteIcon />
          {tCite("cite")}
        </button>
      )}
    </div>
  );
}
