"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { MAX_HIDE_REASON_LENGTH } from "@/lib/annotations/types";
import { hideAnnotation } from "../data/api-client";
import { FieldError } from "./field-error";
import { FormShell } from "./form-shell";
import { messagesFor } from "./form-problems";
import { useSubmit } from "./use-submit";
import styles from "./controls.module.css";

interface HideFormProps {
  entryId: string;
  what: "annotation" | "reply";
  onHidden: () => void;
  onCancel: () => void;
}

/**
 * A moderator's form to hide an annotation or reply from the group: the reason is required (the
 * author and the other moderators see it).
 */
export function HideForm({ entryId, what, onHidden, onCancel }: HideFormProps) {
  const t = useTranslations("annotations.actions");
  const labelId = useId();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const { busy, problems, submit } = useSubmit();
  const errors = messagesFor(problems, "reason");

  function save() {
    void submit(
      async () => {
        await hideAnnotation(entryId, reason.trim());
        onHidden();
      },
      () => (reason.trim() === "" ? [{ field: "reason", message: "hideReasonRequired" }] : []),
    );
  }

  return (
    <div className={styles.confirm}>
      <p id={labelId} className={styles.confirmQuestion}>
        {t("hideHeading", { what })}
      </p>
      <FormShell
        labelledBy={labelId}
        busy={busy}
        problems={problems}
        fieldIds={{ reason: reasonId }}
        submitLabel={t("hideConfirm")}
        onSubmit={save}
        onCancel={onCancel}
      >
        <div className={styles.field}>
          <label htmlFor={reasonId} className={styles.legend}>
            {t("hideReason")}
          </label>
          <p id={`${reasonId}-hint`} className={styles.hint}>
            {t("hideReasonHint")}
          </p>
          <textarea
            id={reasonId}
            className={styles.input}
            rows={3}
            required
            maxLength={MAX_HIDE_REASON_LENGTH}
            value={reason}
            // The form opens because the moderator asked for it: the reason is the next thing to type.
            autoFocus
            aria-describedby={[`${reasonId}-hint`, errors.length ? `${reasonId}-error` : ""].join(" ").trim()}
            aria-invalid={errors.length ? true : undefined}
            onChange={(event) => setReason(event.target.value)}
          />
          <FieldError id={`${reasonId}-error`} messages={errors} />
        </div>
      </FormShell>
    </div>
  );
}
