"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef } from "react";
import { useMessageText } from "../../forms/use-message-text";
import type { FormField, FormProblem } from "./form-problems";
import styles from "./controls.module.css";

interface ErrorSummaryProps {
  problems: FormProblem[];
  /** The element to focus for each field's problem; a problem of another field is plain text. */
  fieldIds: Partial<Record<FormField, string>>;
}

/**
 * The list of what stopped a form from being saved, above it. It takes focus when it appears (so a
 * screen reader reads it), and each problem about a field links to that field.
 */
export function ErrorSummary({ problems, fieldIds }: ErrorSummaryProps) {
  const t = useTranslations("annotations.form");
  const errorText = useMessageText("errors");
  const headingId = useId();
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problems.length > 0) box.current?.focus();
  }, [problems]);

  if (problems.length === 0) return null;
  const messages = [...new Map(problems.map((p) => [`${p.field ?? ""}:${p.message}`, p])).values()];
  return (
    <div ref={box} tabIndex={-1} className={styles.summary} aria-labelledby={headingId} role="group">
      <p id={headingId} className={styles.summaryHeading}>
        {t("problems")}
      </p>
      <ul>
        {messages.map((problem) => {
          const target = problem.field ? fieldIds[problem.field] : undefined;
          const text = errorText(problem.message);
          return (
            <li key={`${problem.field ?? ""}:${problem.message}`}>
              {target ? (
                <a
                  href={`#${target}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(target)?.focus();
                  }}
                >
                  {text}
                </a>
              ) : (
                text
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
