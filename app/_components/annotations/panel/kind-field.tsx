"use client";

import { useTranslations } from "next-intl";
import { ANNOTATION_KINDS, type AnnotationKind } from "@/lib/annotations/types";
import { FieldError } from "./field-error";
import styles from "./controls.module.css";

interface KindFieldProps {
  /** The id of the first choice (what an error summary focuses); the others get -1, -2. */
  id: string;
  value: AnnotationKind;
  onChange: (kind: AnnotationKind) => void;
  errors: string[];
}

/** Highlight, comment or question, as radio buttons (arrow keys move between them). */
export function KindField({ id, value, onChange, errors }: KindFieldProps) {
  const t = useTranslations("annotations");
  return (
    <fieldset className={styles.fieldset} aria-describedby={errors.length ? `${id}-error` : undefined}>
      <legend className={styles.legend}>{t("form.kind")}</legend>
      <div className={styles.choices}>
        {ANNOTATION_KINDS.map((kind, index) => (
          <label key={kind} className={styles.choice}>
            <input
              id={index === 0 ? id : `${id}-${index}`}
              type="radio"
              name={id}
              value={kind}
              checked={value === kind}
              onChange={() => onChange(kind)}
            />
            {t(`kinds.${kind}`)}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} messages={errors} />
    </fieldset>
  );
}
