"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-current-user";
import { toActionState } from "@/lib/http/action-state";
import { isAppError } from "@/lib/http/errors";
import type { TranslationAlignment } from "@/lib/sources/align-translation";
import { attachTranslation } from "@/lib/sources/attach-translation";
import { previewTranslation } from "@/lib/sources/preview-translation";
import { removeTranslation } from "@/lib/sources/remove-translation";
import { AlignmentFieldSchema, TRANSLATION_FIELD_NAMES } from "@/lib/sources/translation-schema";
import type { NewTranslationState } from "../../../../../_components/translations/new-translation-state";
import { actionLocale } from "../../../../../_lib/action-locale";
import { textField, textFields, type FormState } from "../../../../../_lib/form-state";
import { runAction } from "../../../../../_lib/run-action";

const ALIGNMENT_STEPS = new Set(["join", "split", "insert", "remove"]);

/**
 * The add-a-translation form's one action, bound to the source's slug. The pressed button (`op`) says
 * the step: "save" attaches the aligned translation and opens the reader; "join:<i>", "split:<i>"
 * (after the word number in `words.<i>`), "insert:<i>" and "remove:<i>" correct the alignment;
 * anything else reads the pasted text or the uploaded file and aligns it. The services check who may
 * add a translation and everything sent.
 */
export async function newTranslationAction(
  locale: string,
  slug: string,
  previous: NewTranslationState,
  formData: FormData,
): Promise<NewTranslationState> {
  const values: Record<string, string> = textFields(formData, TRANSLATION_FIELD_NAMES);
  const alignment = textField(formData, "alignment");
  const op = textField(formData, "op");
  const version = (typeof previous?.version === "number" ? previous.version : 0) + 1;
  try {
    const actor = await getActor();
    if (op === "save") {
      const attached = await attachTranslation(actor, slug, { ...values, alignment });
      redirect(`/${actionLocale(locale)}/sources/${attached.slug}`);
    }
    const [verb = "", index] = op.split(":");
    const file = formData.get("file");
    const step = ALIGNMENT_STEPS.has(verb)
      ? { op: verb, alignment, index, words: textField(formData, `words.${index}`) }
      : {
          op: "read",
          format: values.format,
          text: values.text,
          file:
            file instanceof File && file.size > 0
              ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
              : undefined,
          // Read again line by line, the notes of the lines left as they were stay with them.
          previous: values.format === "lines" ? alignment : undefined,
        };
    const preview = await previewTranslation(actor, slug, step);
    // Only a text read line by line carries the notes the form held (another format brings its own).
    const notesBefore =
      step.op === "read" && values.format === "lines" ? (alignmentOrNull(alignment)?.notes?.length ?? 0) : 0;
    const notesLeftOut = Math.max(0, notesBefore - (preview.notes?.length ?? 0));
    return { status: "preview", version, values, alignment: preview, notesLeftOut };
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
      // The alignment stays as it was: the one the form sent, if it is one.
      alignment: alignmentOrNull(alignment),
      error: state.error,
      fields: state.fields,
      errorValues: details?.values,
    };
  }
}

function alignmentOrNull(value: string): TranslationAlignment | null {
  const parsed = AlignmentFieldSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * Removes the translation the revise page shows (its edition and number in the form), after the
 * confirmation there, and opens the reader, which shows the newest translation left, if any. The
 * service checks who may and that it is one attached in the app.
 */
export async function removeTranslationAction(
  locale: string,
  slug: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    await removeTranslation(await getActor(), slug, textFields(formData, ["edition", "number"]));
    redirect(`/${actionLocale(locale)}/sources/${encodeURIComponent(slug)}`);
  });
}
