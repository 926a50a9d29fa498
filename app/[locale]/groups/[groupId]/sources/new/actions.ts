"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-current-user";
import { toActionState } from "@/lib/http/action-state";
import { isAppError } from "@/lib/http/errors";
import { createSource } from "@/lib/sources/create-source";
import { DraftFieldSchema, SOURCE_FIELD_NAMES } from "@/lib/sources/new-source-schema";
import type { SourceDraft } from "@/lib/sources/source-draft";
import { previewSource } from "@/lib/sources/preview-source";
import type { NewSourceState } from "../../../../../_components/sources/new-source-state";
import { actionLocale } from "../../../../../_lib/action-locale";
import { textField, textFields } from "../../../../../_lib/form-state";

const KEPT_FIELDS = [...SOURCE_FIELD_NAMES, "format", "text"] as const;

/**
 * The add-a-source form's one action, bound to the library (a group's id; null: the public library).
 * The pressed button (`op`) says the step: "save" creates the source and opens it in the reader;
 * "join:<i>" and "split:<i>" correct the previewed sentences (the split after the word number in
 * `words.<i>`); anything else reads the pasted text or the uploaded file into a preview. The
 * services check who may add to the library and everything sent, whatever the browser sends.
 */
export async function newSourceAction(
  locale: string,
  library: string | null,
  previous: NewSourceState,
  formData: FormData,
): Promise<NewSourceState> {
  const values: Record<string, string> = textFields(formData, KEPT_FIELDS);
  const draft = textField(formData, "draft");
  const op = textField(formData, "op");
  const version = (typeof previous?.version === "number" ? previous.version : 0) + 1;
  try {
    const actor = await getActor();
    if (op === "save") {
      const { slug } = await createSource(actor, library, { ...values, draft });
      redirect(`/${actionLocale(locale)}/sources/${slug}`);
    }
    const [verb, index] = op.split(":");
    const file = formData.get("file");
    const step =
      verb === "join" || verb === "split"
        ? { op: verb, draft, index, words: textField(formData, `words.${index}`) }
        : {
            op: "read",
            format: values.format,
            text: values.text,
            file:
              file instanceof File && file.size > 0
                ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
                : undefined,
          };
    const preview = await previewSource(actor, library, step);
    for (const [name, value] of Object.entries(preview.metadata ?? {})) {
      if (!values[name]?.trim() && value) values[name] = value;
    }
    return { status: "preview", version, values, draft: preview.draft };
  } catch (error) {
    const state = toActionState(error);
    if (state.status !== "error") throw error;
    const details = isAppError(error)
      ? (error.details as { values?: Record<string, number> } | undefined)
      : undefined;
    return {
      status: "error",
      version,
      values,
      // The preview stays as it was: the draft the form sent, if it is one.
      draft: draftOrNull(draft),
      error: state.error,
      fields: state.fields,
      errorValues: details?.values,
    };
  }
}

function draftOrNull(value: string): SourceDraft | null {
  const parsed = DraftFieldSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
