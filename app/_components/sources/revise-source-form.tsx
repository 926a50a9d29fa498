"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { useMessageText } from "../forms/use-message-text";
import formStyles from "../forms/forms.module.css";
import { Preview } from "./new-source-form";
import type { NewSourceState } from "./new-source-state";
import styles from "./new-source-form.module.css";

type Action = (state: NewSourceState, formData: FormData) => Promise<NewSourceState>;

/**
 * The revise-a-source form: the latest edition's text to correct, a preview of its numbered
 * sentences (as they are now, then as the corrected text is cut) with the add-a-source join and split
 * controls, and "Publish", which makes the draft shown the next edition. Every step is a post of the
 * whole form (it works without JavaScript); focus goes to the error or to the preview.
 */
export function ReviseSourceForm({
  action,
  initial,
  characterLimit,
}: {
  action: Action;
  initial: NewSourceState;
  characterLimit: string;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const t = useTranslations("reviseSource");
  const errorText = useMessageText("errors");
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? {};
  const textError = state.fields?.text ?? (state.status === "error" ? state.error : undefined);

  useEffect(() => {
    const form = formRef.current;
    if (!form || state === initial) return;
    if (state.status === "error") form.querySelector<HTMLElement>("[role=alert]")?.focus();
    else form.querySelector<HTMLElement>("#preview-heading")?.focus();
  }, [state, initial]);

  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className={styles.form}
      aria-busy={pending || undefined}
    >
      <input type="hidden" name="edition" value={values.edition ?? ""} />
      {state.status === "error" && (
        <div role="alert" tabIndex={-1} className={formStyles.alert}>
          <p>{errorText(textError ?? "generic")}</p>
        </div>
      )}
      <div className={formStyles.field} key={`text-${state.version ?? 0}`}>
        <label htmlFor="revise-text" className={formStyles.label}>
          {t("text")}
        </label>
        <p id="revise-text-hint" className={formStyles.hint}>
          {t("textHint", { limit: characterLimit })}
        </p>
        <textarea
          id="revise-text"
          name="text"
          rows={14}
          defaultValue={values.text ?? ""}
          className={formStyles.input}
          aria-describedby="revise-text-hint"
          aria-invalid={state.fields?.text ? true : undefined}
        />
      </div>
      <p>
        <button type="submit" name="op" value="preview" className={formStyles.secondary}>
          {t("preview")}
        </button>
      </p>
      {state.draft && <Preview draft={state.draft} state={state} />}
      {state.draft && (
        <p>
          <button
            type="submit"
            name="op"
            value="publish"
            className={formStyles.primary}
            aria-disabled={pending || undefined}
          >
            {t("publish")}
          </button>
        </p>
      )}
    </form>
  );
}
