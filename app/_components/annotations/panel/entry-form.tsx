"use client";

import { type ReactNode, useId, useState } from "react";
import type { FormField, FormProblem } from "./form-problems";
import { type AnnotationFieldValues, checkFields } from "./form-problems";
import { AnnotationFields, fieldElementIds } from "./annotation-fields";
import { FormShell } from "./form-shell";
import { addTags } from "./tags";
import { useSubmit } from "./use-submit";

interface EntryFormProps {
  /** The id of the heading or label that names the form. */
  labelledBy: string;
  initial: AnnotationFieldValues;
  /** An annotation (kind, visibility, tags, body) or a reply (body only). */
  withKindAndTags: boolean;
  group: { name: string } | null;
  /** The group whose members "@" offers in the editor (none: nobody to mention). */
  mentionGroupId?: string | null;
  bodyLabel: (values: AnnotationFieldValues) => string;
  submitLabel: (values: AnnotationFieldValues) => string;
  /** Sends the form; the values come with the unfinished tag text already turned into tags. */
  send: (values: AnnotationFieldValues) => Promise<void>;
  onCancel: () => void;
  /** Shown above the fields (the composer's quote), with the fields' ids and the problems. */
  before?: (ids: Record<FormField, string>, problems: FormProblem[]) => ReactNode;
  autofocus?: boolean;
}

/**
 * Every form that writes an annotation or a reply: the composer, the edit forms of annotations and
 * replies, and the reply form. It keeps what was typed across a refusal and shows the problems.
 */
export function EntryForm({
  labelledBy,
  initial,
  withKindAndTags,
  group,
  mentionGroupId,
  bodyLabel,
  submitLabel,
  send,
  onCancel,
  before,
  autofocus = true,
}: EntryFormProps) {
  const idPrefix = useId();
  const ids = fieldElementIds(idPrefix);
  const { busy, problems, submit } = useSubmit();
  const [values, setValues] = useState(initial);

  function save() {
    void submit(
      () => send({ ...values, tags: addTags(values.tags, values.tagText).tags, tagText: "" }),
      () => checkFields(values, withKindAndTags),
    );
  }

  return (
    <FormShell
      labelledBy={labelledBy}
      busy={busy}
      problems={problems}
      fieldIds={ids}
      submitLabel={submitLabel(values)}
      onSubmit={save}
      onCancel={onCancel}
    >
      {before?.(ids, problems)}
      <AnnotationFields
        idPrefix={idPrefix}
        values={values}
        onChange={setValues}
        problems={problems}
        withKindAndTags={withKindAndTags}
        group={group}
        mentionGroupId={mentionGroupId}
        bodyLabel={bodyLabel(values)}
        disabled={busy}
        autofocus={autofocus}
      />
    </FormShell>
  );
}
