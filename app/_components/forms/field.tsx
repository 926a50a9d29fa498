"use client";

import type { HTMLInputTypeAttribute } from "react";
import { useTranslations } from "next-intl";
import { useActionFormContext } from "./action-form";
import { useMessageText } from "./use-message-text";
import styles from "./forms.module.css";

interface FieldProps {
  name: string;
  label: string;
  /** A short help text under the label, read with the field. */
  hint?: string;
  /** Marks the label "(optional)": the field may stay empty. */
  optional?: boolean;
  type?: HTMLInputTypeAttribute;
  required?: boolean;
  autoComplete?: string;
  defaultValue?: string | number;
  maxLength?: number;
  min?: number;
  max?: number;
  inputMode?: "text" | "numeric" | "email";
  /** A textarea of this many rows instead of a one-line input. */
  rows?: number;
  /** A select with these options instead of a text input. */
  options?: { value: string; label: string }[];
  spellCheck?: boolean;
  /** Keeps the label for screen readers only (a field whose purpose the row already shows). */
  hideLabel?: boolean;
}

/**
 * A labelled input, textarea or select of an ActionForm, with its hint and its error tied to it by
 * aria-describedby and aria-invalid.
 */
export function Field({
  name,
  label,
  hint,
  optional,
  type = "text",
  rows,
  options,
  hideLabel,
  ...input
}: FieldProps) {
  const { formId, state } = useActionFormContext();
  const t = useTranslations("forms");
  const errorText = useMessageText("errors");
  const id = `${formId}-${name}`;
  const error = state.status === "error" ? state.fields[name] : undefined;
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  const common = {
    id,
    name,
    "aria-describedby": describedBy || undefined,
    "aria-invalid": error ? true : undefined,
    className: styles.input,
  };
  return (
    <div className={styles.field}>
      <label htmlFor={id} className={hideLabel ? "visually-hidden" : styles.label}>
        {label}
        {optional && <span className={styles.optional}> ({t("optional")})</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={styles.fieldError}>
          {errorText(error)}
        </p>
      )}
      {options ? (
        <select {...common} defaultValue={input.defaultValue} required={input.required}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : rows ? (
        <textarea {...common} {...input} rows={rows} />
      ) : (
        <input {...common} {...input} type={type} />
      )}
    </div>
  );
}
