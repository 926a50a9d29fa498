"use client";

import { useTranslations } from "next-intl";
import { useMessageText } from "../../forms/use-message-text";
import { ConfirmBox } from "./confirm-box";
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

/** Asked inside the card before deleting; "Keep" or Escape goes back. */
export function DeleteConfirm({ what, keepsReplies, busy, error, onConfirm, onCancel }: DeleteConfirmProps) {
  const t = useTranslations("annotations.actions");
  const errorText = useMessageText("errors");
  return (
    <ConfirmBox
      question={`${t("deleteQuestion", { what })} ${keepsReplies ? t("deleteKeepsReplies") : t("deleteFinal")}`}
      confirm={{ label: busy ? t("deleting") : t("deleteConfirm"), tone: "danger", busy }}
      cancelLabel={t("keep")}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      {error && (
        <p role="alert" className={styles.fieldError}>
          {errorText(error)}
        </p>
      )}
    </ConfirmBox>
  );
}
