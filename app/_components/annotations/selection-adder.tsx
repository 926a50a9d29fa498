"use client";

import { useTranslations } from "next-intl";
import styles from "./selection-adder.module.css";

/** Marks the adder (the attribute below), so pointer events on it are not taken for a new selection. */
export const ADDER_ATTRIBUTE = "data-selection-adder";

export interface AdderPosition {
  /** Pixels from the top and left of the text area the adder is placed in. */
  top: number;
  left: number;
}

interface SelectionAdderProps {
  position: AdderPosition;
  onAnnotate: () => void;
}

/**
 * The small "Annotate" button that appears under a text selection in the original. Pressing it
 * (or the A key while the selection stands) starts a draft. It does not take the selection away:
 * a mouse press on it does not move focus or collapse the selection.
 */
export function SelectionAdder({ position, onAnnotate }: SelectionAdderProps) {
  const t = useTranslations("annotationReader");
  return (
    <div
      className={`${styles.adder} no-print`}
      style={{ top: position.top, left: position.left }}
      data-selection-adder=""
    >
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
    </div>
  );
}
