"use client";

import { useTranslations } from "next-intl";
import { ANNOTATION_VISIBILITIES, type AnnotationVisibility } from "@/lib/annotations/types";
import { ConfirmBox } from "./confirm-box";
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
 * the replies written before. "Go back" or Escape returns to the form.
 */
export function WidenConfirm({ to, replies, onConfirm, onCancel }: WidenConfirmProps) {
  const t = useTranslations("annotations.actions");
  return (
    <ConfirmBox
      question={t("widenQuestion", { to })}
      confirm={{ label: t("widenConfirm"), tone: "primary" }}
      cancelLabel={t("widenBack")}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p className={styles.hint}>{t("widenReplies", { count: replies })}</p>
    </ConfirmBox>
  );
}
