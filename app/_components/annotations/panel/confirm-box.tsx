"use client";

import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef } from "react";
import styles from "./controls.module.css";

interface ConfirmBoxProps {
  /** The question (its element names the box for a screen reader). */
  question: ReactNode;
  /** What follows the question: a hint, an error. */
  children?: ReactNode;
  confirm: { label: string; tone: "primary" | "danger"; busy?: boolean };
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A question asked inside a card before an action (not window.confirm): it takes focus when it opens,
 * so a screen reader reads it; Escape or the second button goes back.
 */
export function ConfirmBox({
  question,
  children,
  confirm,
  cancelLabel,
  onConfirm,
  onCancel,
}: ConfirmBoxProps) {
  const questionId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    box.current?.focus();
  }, []);

  function keys(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <div
      ref={box}
      role="group"
      tabIndex={-1}
      aria-labelledby={questionId}
      className={styles.confirm}
      onKeyDown={keys}
    >
      <p id={questionId} className={styles.confirmQuestion}>
        {question}
      </p>
      {children}
      <div className={styles.buttons}>
        <button
          type="button"
          className={styles[confirm.tone]}
          aria-disabled={confirm.busy || undefined}
          onClick={onConfirm}
        >
          {confirm.label}
        </button>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
}
