"use client";

import { useTranslations } from "next-intl";
import { BodyEditor } from "../editor/body-editor";
import { FieldError } from "./field-error";
import type { AnnotationFieldValues, FormField, FormProblem } from "./form-problems";
import { messagesFor } from "./form-problems";
import { KindField } from "./kind-field";
import { TagField } from "./tag-field";
import { VisibilityField } from "./visibility-field";
import styles from "./controls.module.css";

/** The id of the element a field's problem points to (the first radio, the input, the editor). */
export function fieldElementId(prefix: string, field: FormField): string {
  return `${prefix}-${field}`;
}

/** The ids of all fields of a form, for its error summary. */
export function fieldElementIds(prefix: string): Record<FormField, string> {
  return {
    kind: fieldElementId(prefix, "kind"),
    visibility: fieldElementId(prefix, "visibility"),
    tags: fieldElementId(prefix, "tags"),
    body: fieldElementId(prefix, "body"),
    selectors: fieldElementId(prefix, "selectors"),
    reason: fieldElementId(prefix, "reason"),
  };
}

interface AnnotationFieldsProps {
  /** Prefix of the fields' ids (see fieldElementId). */
  idPrefix: string;
  values: AnnotationFieldValues;
  onChange: (values: AnnotationFieldValues) => void;
  problems: FormProblem[];
  /** An annotation: kind, visibility, tags and body. A reply: the body only. */
  withKindAndTags: boolean;
  /** The group the annotation is shared in, or null for a personal note. */
  group: { name: string } | null;
  /** The group whose members "@" offers in the editor (none: nobody to mention). */
  mentionGroupId?: string | null;
  /** The editor's label, e.g. "Your comment" or "Your reply". */
  bodyLabel: string;
  disabled?: boolean;
  autofocus?: boolean;
}

/**
 * The fields of an annotation, shared by the composer and the edit form (and, body only, by the
 * reply forms). A highlight has no body: its editor is hidden, what was typed is kept meanwhile.
 */
export function AnnotationFields({
  idPrefix,
  values,
  onChange,
  problems,
  withKindAndTags,
  group,
  mentionGroupId,
  bodyLabel,
  disabled,
  autofocus,
}: AnnotationFieldsProps) {
  const t = useTranslations("annotations.form");
  const ids = fieldElementIds(idPrefix);
  const bodyErrors = messagesFor(problems, "body");
  const showBody = !withKindAndTags || values.kind !== "highlight";

  return (
    <>
      {withKindAndTags && (
        <KindField
          id={ids.kind}
          value={values.kind}
          onChange={(kind) => onChange({ ...values, kind })}
          errors={messagesFor(problems, "kind")}
        />
      )}
      {showBody ? (
        <div>
          <BodyEditor
            id={ids.body}
            label={bodyLabel}
            value={values.body}
            onChange={(body) => onChange({ ...values, body })}
            autofocus={autofocus}
            invalid={bodyErrors.length > 0}
            describedBy={bodyErrors.length ? `${ids.body}-error` : undefined}
            disabled={disabled}
            mentionGroupId={mentionGroupId}
          />
          <FieldError id={`${ids.body}-error`} messages={bodyErrors} />
        </div>
      ) : (
        <p className={styles.hint}>{t("highlightHasNoBody")}</p>
      )}
      {withKindAndTags && (
        <>
          <VisibilityField
            id={ids.visibility}
            value={values.visibility}
            onChange={(visibility) => onChange({ ...values, visibility })}
            group={group}
            errors={messagesFor(problems, "visibility")}
          />
          <TagField
            id={ids.tags}
            tags={values.tags}
            text={values.tagText}
            onChange={(tags, tagText) => onChange({ ...values, tags, tagText })}
            errors={messagesFor(problems, "tags")}
          />
        </>
      )}
    </>
  );
}
