"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useEffect, useId, useRef } from "react";
import { ANNOTATION_VISIBILITIES, type AnnotationVisibility } from "@/lib/annotations/types";
import styles from "./controls.module.css";

/** Whether `to` lets more people read than `from` (only me < instructors and me < whole group). */
export function widens(from: AnnotationVisibility, to: AnnotationVisibility): boolean {
  return ANNOTATION_VISIBILITIES.indexOf(to) > ANNOTATION_VISIBILITIES.indexOf(from);
}

interface WidenConfirmProps {
  /** The wider visibility the author chose. */
  to: AnnotationVisibility;
  /** How many replies the thread has (they keep the audience they were written for). */
  replies: number;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * Asked before an annotation with replies is shown to more people: the replies keep the audience they
 * were written for (the server never widens them), so those who newly see the annotation do not see
 * the replies written before. It takes focus when it opens; Escape or "Go back" returns to the form.
 */
export function WidenConfirm({ to, replies, onConfirm, onCancel }: WidenConfirmProps) {
  const t = useTranslations("annotations.actions");
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
        {t("widenQuestion", { to })}
      </p>
      <p className={styles.hint}>{t("widenReplies", { count: replies })}</p>
      <div className={styles.buttons}>
        <button type="button" className={styles.primary} onClick={onConfirm}>
          {t("widenConfirm")}
        </button>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          {t("widenBack")}
        </button>
      </div>
    </div>
  );
}
