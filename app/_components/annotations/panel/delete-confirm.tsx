"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useId, useRef } from "react";
import { useMessageText } from "../../forms/use-message-text";
import styles from "./controls.module.css";

interface DeleteConfirmProps {
  what: "annotation" | "reply";
  /** The annotation has replies: it becomes a "deleted" notice and the replies stay. */
  keepsReplies: boolean;
  busy: boolean;
  /** A key under "errors" from the last attempt. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The question asked inside the card before deleting (not window.confirm). It takes focus when it
 * opens so a screen reader reads it; Escape or "Keep" goes back.
 */
export function DeleteConfirm({ what, keepsReplies, busy, error, onConfirm, onCancel }: DeleteConfirmProps) {
  const t = useTranslations("annotations.actions");
  const errorText = useMessageText("errors");
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
        {t("deleteQuestion", { what })} {keepsReplies ? t("deleteKeepsReplies") : t("deleteFinal")}
      </p>
      {error && (
        <p role="alert" className={styles.fieldError}>
          {errorText(error)}
        </p>
      )}
      <div className={styles.buttons}>
        <button type="button" className={styles.danger} aria-disabled={busy || undefined} onClick={onConfirm}>
          {busy ? t("deleting") : t("deleteConfirm")}
        </button>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          {t("keep")}
        </button>
      </div>
    </div>
  );
}
