"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { useMessageText } from "../forms/use-message-text";
import formStyles from "../forms/forms.module.css";
import styles from "../sources/new-source-form.module.css";
import { AlignmentEditor, type OriginalText } from "./alignment-editor";
import type { NewTranslationState } from "./new-translation-state";
import { TranslationPreview } from "./translation-preview";

type Action = (state: NewTranslationState, formData: FormData) => Promise<NewTranslationState>;

/**
 * The add-a-translation form: the translation's text (pasted, or a .txt, .md or TEI file; or one
 * segment per line, as a saved translation is revised), its
 * language, label and translator; then the alignment editor (each original sentence beside its
 * translation segment, with join, split, insert-empty and remove-empty controls and a live count of
 * paired sentences) and a preview of the two columns as the reader shows them; "Save" attaches it.
 * Every step is a post of the whole form (it works without JavaScript); the server answers with every
 * field as sent, so nothing typed is lost, and focus goes to the error or to the alignment.
 */
export function NewTranslationForm({
  action,
  initial,
  original,
  characterLimit,
}: {
  action: Action;
  initial: NewTranslationState;
  original: OriginalText;
  characterLimit: string;
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const t = useTranslations("newTranslation");
  const tSource = useTranslations("newSource");
  const errorText = useMessageText("errors");
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? {};
  const alignment = state.alignment ?? null;

  useEffect(() => {
    const form = formRef.current;
    if (!form || state === initial) return;
    if (state.status === "error") {
      (
        form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        form.querySelector<HTMLElement>("[role=alert]")
      )?.focus();
    } else form.querySelector<HTMLElement>("#alignment-heading")?.focus();
  }, [state, initial]);

  const errorOf = (name: string) => {
    const key = state.fields?.[name];
    return key ? errorText(key, state.errorValues) : undefined;
  };
  const field = (name: string, label: string, options: { optional?: boolean; hint?: string } = {}) => {
    const error = errorOf(name);
    const id = `translation-${name}`;
    const describedBy = [options.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
    return (
      <div className={formStyles.field} key={`${name}-${state.version ?? 0}`}>
        <label htmlFor={id} className={formStyles.label}>
          {label}
          {options.optional && <span className={formStyles.optional}> ({tSource("optional")})</span>}
        </label>
        {options.hint && (
          <p id={`${id}-hint`} className={formStyles.hint}>
            {options.hint}
          </p>
        )}
        {error && (
          <p id={`${id}-error`} className={formStyles.fieldError}>
            {error}
          </p>
        )}
        {name === "text" ? (
          <textarea
            id={id}
            name={name}
            rows={10}
            defaultValue={values[name] ?? ""}
            className={formStyles.input}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy.join(" ") || undefined}
          />
        ) : (
          <input
            id={id}
            name={name}
            type="text"
            defaultValue={values[name] ?? ""}
            className={formStyles.input}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy.join(" ") || undefined}
          />
        )}
      </div>
    );
  };

  const formError = state.error ?? "generic";
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
          <p>{errorText(formError, state.errorValues)}</p>
        </div>
      )}

      <fieldset className={styles.group}>
        <legend>{t("textLegend")}</legend>
        <fieldset className={styles.formats} key={`format-${state.version ?? 0}`}>
          <legend>{tSource("format")}</legend>
          {(["text", "markdown", "tei", "lines"] as const).map((format) => (
            <label key={format} className={styles.choice}>
              <input
                type="radio"
                name="format"
                value={format}
                defaultChecked={(values.format || "text") === format}
              />
              {format === "lines" ? t("formatLines") : tSource(`formats.${format}`)}
            </label>
          ))}
        </fieldset>
        {field("text", t("text"), { optional: true, hint: t("textHint", { limit: characterLimit }) })}
        <div className={formStyles.field}>
          <label htmlFor="translation-file" className={formStyles.label}>
            {tSource("file")} <span className={formStyles.optional}>({tSource("optional")})</span>
          </label>
          <p id="translation-file-hint" className={formStyles.hint}>
            {tSource("fileHint")}
          </p>
          {errorOf("file") && (
            <p id="translation-file-error" className={formStyles.fieldError}>
              {errorOf("file")}
            </p>
          )}
          <input
            id="translation-file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.xml,.tei,text/plain,text/markdown,application/xml,text/xml"
            aria-describedby={
              errorOf("file") ? "translation-file-hint translation-file-error" : "translation-file-hint"
            }
            aria-invalid={errorOf("file") ? true : undefined}
          />
        </div>
        <p>
          <button
            type="submit"
            name="op"
            value="read"
            className={alignment ? formStyles.secondary : formStyles.primary}
          >
            {alignment ? t("alignAgain") : t("align")}
          </button>
        </p>
        {state.status === "preview" && (state.notesLeftOut ?? 0) > 0 && (
          <p role="status" className={formStyles.notice}>
            {t("notesLeftOut", { count: state.notesLeftOut ?? 0 })}
          </p>
        )}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>{t("aboutLegend")}</legend>
        <div className={styles.pair}>
          {field("language", t("language"), { hint: t("languageHint") })}
          {field("label", t("label"), { hint: t("labelHint") })}
        </div>
        {field("translator", t("translator"), { optional: true })}
      </fieldset>

      {alignment && (
        <AlignmentEditor
          original={original}
          alignment={alignment}
          fields={state.fields ?? {}}
          error={state.fields?.alignment}
          errorValues={state.errorValues}
        />
      )}
      {alignment && (
        <TranslationPreview
          original={original}
          alignment={alignment}
          language={values.language?.trim() ?? ""}
        />
      )}

      {alignment ? (
        <p>
          <button
            type="submit"
            name="op"
            value="save"
            className={formStyles.primary}
            aria-disabled={pending || undefined}
          >
            {t("save")}
          </button>
        </p>
      ) : (
        <p className={formStyles.hint}>{t("saveAfterAlign")}</p>
      )}
    </form>
  );
}
