"use client";

import { useTranslations } from "next-intl";
import type { KeyboardEvent, ReactNode } from "react";
import { ErrorSummary } from "./error-summary";
import type { FormField, FormProblem } from "./form-problems";
import styles from "./controls.module.css";

interface FormShellProps {
  /** The id of the form's heading or label. */
  labelledBy: string;
  busy: boolean;
  problems: FormProblem[];
  fieldIds: Partial<Record<FormField, string>>;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * What every annotation and reply form shares: the error summary, the fields, Save and Cancel.
 * Escape cancels; Ctrl+Enter (⌘+Enter) saves from anywhere in the form, the editor included.
 */
export function FormShell({
  labelledBy,
  busy,
  problems,
  fieldIds,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: FormShellProps) {
  const t = useTranslations("annotations.form");

  function saveShortcut(event: KeyboardEvent<HTMLFormElement>) {
    // Caught before the editor sees it (which would make Ctrl+Enter a line break).
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      event.stopPropagation();
      onSubmit();
    }
  }

  function cancelKey(event: KeyboardEvent<HTMLFormElement>) {
    // Not checking defaultPrevented: the editor prevents Escape's default. A control that uses
    // Escape itself (the link field) stops it from reaching the form.
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  }

  return (
    <form
      noValidate
      aria-busy={busy || undefined}
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
      onKeyDownCapture={saveShortcut}
      onKeyDown={cancelKey}
    >
      {/* Named as a group, not as a form: several forms open at once would be look-alike landmarks. */}
      <div role="group" aria-labelledby={labelledBy} className={styles.formFields}>
        <ErrorSummary problems={problems} fieldIds={fieldIds} />
        {children}
      </div>
      <div className={styles.buttons}>
        <button type="submit" className={styles.primary} aria-disabled={busy || undefined}>
          {busy ? t("saving") : submitLabel}
        </button>
        <button type="button" className={styles.secondary} onClick={onCancel}>
          {t("cancel")}
        </button>
        <p className={styles.keysHint}>{t("keysHint")}</p>
      </div>
    </form>
  );
}
