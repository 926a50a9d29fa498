"use client";

import { useTranslations } from "next-intl";
import { ANNOTATION_VISIBILITIES, type AnnotationVisibility } from "@/lib/annotations/types";
import { FieldError } from "./field-error";
import { VisibilityIcon } from "./visibility-icon";
import styles from "./controls.module.css";

interface VisibilityFieldProps {
  /** The id of the first choice (or of the note when there is no choice). */
  id: string;
  value: AnnotationVisibility;
  onChange: (visibility: AnnotationVisibility) => void;
  /** The group the annotation is shared in; null: a personal note, only "only me" is possible. */
  group: { name: string } | null;
  errors: string[];
}

/**
 * Who can see the annotation: only me, the instructors and me, or the whole group. Without a group
 * there is no choice, and the field says so and why.
 */
export function VisibilityField({ id, value, onChange, group, errors }: VisibilityFieldProps) {
  const t = useTranslations("annotations");
  const errorId = errors.length ? `${id}-error` : undefined;

  if (!group) {
    return (
      <div className={styles.fieldset}>
        <p id={id} tabIndex={-1} className={styles.personalNote} aria-describedby={errorId}>
          <VisibilityIcon visibility="private" />
          <span>
            <strong>{t("visibility.private")}</strong> {t("form.personalNote")}
          </span>
        </p>
        <FieldError id={`${id}-error`} messages={errors} />
      </div>
    );
  }

  return (
    <fieldset className={styles.fieldset} aria-describedby={errorId}>
      <legend className={styles.legend}>{t("form.visibility")}</legend>
      <div className={styles.choicesStacked}>
        {ANNOTATION_VISIBILITIES.map((visibility, index) => {
          const inputId = index === 0 ? id : `${id}-${index}`;
          return (
            <div key={visibility} className={styles.choiceWithAbout}>
              <input
                id={inputId}
                type="radio"
                name={id}
                value={visibility}
                checked={value === visibility}
                aria-describedby={`${inputId}-about`}
                onChange={() => onChange(visibility)}
              />
              <label htmlFor={inputId} className={styles.choiceLabel}>
                <VisibilityIcon visibility={visibility} />
                {t(`visibility.${visibility}`)}
              </label>
              <span id={`${inputId}-about`} className={styles.choiceAbout}>
                {t(`visibilityAbout.${visibility}`, { group: group.name })}
              </span>
            </div>
          );
        })}
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}
