"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { SourceDraft } from "@/lib/sources/source-draft";
import { useMessageText } from "../forms/use-message-text";
import formStyles from "../forms/forms.module.css";
import { NEW_SOURCE_IDLE, type NewSourceState } from "./new-source-state";
import styles from "./new-source-form.module.css";

type Action = (state: NewSourceState, formData: FormData) => Promise<NewSourceState>;

const LOCALIZED_FIELDS = ["title", "place", "issuer", "publication", "licence", "about"] as const;

/**
 * The add-a-source form, in two steps on one page: the text (pasted, or a .txt, .md or TEI file) and
 * its metadata, then a preview of the numbered sentences with a button per sentence to join it with
 * the next and one to split it after a chosen word; "Save" stores the source with the sentences as
 * shown. Every step is a post of the whole form (it works without JavaScript); the server answers
 * with every field as sent, so nothing typed is lost, and focus goes to the first field to correct
 * or to the preview.
 */
export function NewSourceForm({ action, characterLimit }: { action: Action; characterLimit: string }) {
  const [state, formAction, pending] = useActionState(action, NEW_SOURCE_IDLE);
  const t = useTranslations("newSource");
  const errorText = useMessageText("errors");
  const formRef = useRef<HTMLFormElement>(null);
  const values = state.values ?? {};
  const fieldError = (name: string) => state.fields?.[name];
  const draft = state.draft ?? null;

  useEffect(() => {
    const form = formRef.current;
    if (!form || state.status === "idle") return;
    if (state.status === "error") {
      (
        form.querySelector<HTMLElement>('[aria-invalid="true"]') ??
        form.querySelector<HTMLElement>("[role=alert]")
      )?.focus();
    } else form.querySelector<HTMLElement>("#preview-heading")?.focus();
  }, [state]);

  const errorOf = (name: string) => {
    const key = fieldError(name);
    return key ? errorText(key, state.errorValues) : undefined;
  };
  const field = (
    name: string,
    label: string,
    options: { optional?: boolean; rows?: number; hint?: string } = {},
  ) => {
    const error = errorOf(name);
    const id = `source-${name}`;
    const describedBy = [options.hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
      .filter(Boolean)
      .join(" ");
    const common = {
      id,
      name,
      defaultValue: values[name] ?? "",
      className: formStyles.input,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": describedBy || undefined,
    };
    return (
      <div className={formStyles.field} key={`${name}-${state.version ?? 0}`}>
        <label htmlFor={id} className={formStyles.label}>
          {label}
          {options.optional && <span className={formStyles.optional}> ({t("optional")})</span>}
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
        {options.rows ? <textarea {...common} rows={options.rows} /> : <input {...common} type="text" />}
      </div>
    );
  };

  const messages =
    state.status === "error" ? [...new Set(Object.values(state.fields ?? {}).concat(state.error ?? []))] : [];
  return (
    <form
      ref={formRef}
      action={formAction}
      noValidate
      className={styles.form}
      aria-busy={pending || undefined}
    >
      {state.status === "error" && (
        <div role="alert" tabIndex={-1} className={formStyles.alert}>
          <p>
            {messages.length > 1 ? t("errorSummary") : errorText(messages[0] ?? "generic", state.errorValues)}
          </p>
          {messages.length > 1 && (
            <ul>
              {[...new Set(messages.slice(0, -1))].map((key) => (
                <li key={key}>{errorText(key, state.errorValues)}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      <fieldset className={styles.group}>
        <legend>{t("textLegend")}</legend>
        <fieldset className={styles.formats} key={`format-${state.version ?? 0}`}>
          <legend>{t("format")}</legend>
          {(["text", "markdown", "tei"] as const).map((format) => (
            <label key={format} className={styles.choice}>
              <input
                type="radio"
                name="format"
                value={format}
                defaultChecked={(values.format || "text") === format}
              />
              {t(`formats.${format}`)}
            </label>
          ))}
        </fieldset>
        {field("text", t("text"), {
          rows: 10,
          optional: true,
          hint: t("textHint", { limit: characterLimit }),
        })}
        <div className={formStyles.field}>
          <label htmlFor="source-file" className={formStyles.label}>
            {t("file")} <span className={formStyles.optional}>({t("optional")})</span>
          </label>
          <p id="source-file-hint" className={formStyles.hint}>
            {t("fileHint")}
          </p>
          {errorOf("file") && (
            <p id="source-file-error" className={formStyles.fieldError}>
              {errorOf("file")}
            </p>
          )}
          <input
            id="source-file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.xml,.tei,text/plain,text/markdown,application/xml,text/xml"
            aria-describedby={errorOf("file") ? "source-file-hint source-file-error" : "source-file-hint"}
            aria-invalid={errorOf("file") ? true : undefined}
          />
        </div>
        <p>
          <button
            type="submit"
            name="op"
            value="preview"
            className={draft ? formStyles.secondary : formStyles.primary}
          >
            {draft ? t("previewAgain") : t("preview")}
          </button>
        </p>
      </fieldset>

      {draft && <Preview draft={draft} state={state} />}

      <fieldset className={styles.group}>
        <legend>{t("metadataLegend")}</legend>
        <div className={styles.pair}>
          {field("titlePl", t("fields.titlePl"))}
          {field("titleEn", t("fields.titleEn"))}
        </div>
        <div className={styles.pair}>
          {field("date", t("fields.date"), { hint: t("dateHint") })}
          {field("language", t("fields.language"), { hint: t("languageHint") })}
        </div>
        <div className={formStyles.field} key={`kind-${state.version ?? 0}`}>
          <label htmlFor="source-kind" className={formStyles.label}>
            {t("fields.kind")}
          </label>
          {errorOf("kind") && <p className={formStyles.fieldError}>{errorOf("kind")}</p>}
          <select
            id="source-kind"
            name="kind"
            defaultValue={values.kind || "primary"}
            className={formStyles.input}
          >
            {(["primary", "summary", "translation"] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {LOCALIZED_FIELDS.filter((name) => name !== "title").map((name) => (
          <div className={styles.pair} key={name}>
            {field(`${name}Pl`, t(`fields.${name}Pl`), {
              optional: true,
              rows: name === "about" ? 3 : undefined,
            })}
            {field(`${name}En`, t(`fields.${name}En`), {
              optional: true,
              rows: name === "about" ? 3 : undefined,
            })}
          </div>
        ))}
      </fieldset>

      {draft ? (
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
        <p className={formStyles.hint}>{t("saveAfterPreview")}</p>
      )}
    </form>
  );
}

/** The numbered sentences of the draft, each with its join and split controls. */
export function Preview({ draft, state }: { draft: SourceDraft; state: NewSourceState }) {
  const t = useTranslations("newSource");
  const errorText = useMessageText("errors");
  const last = draft.sentences.length - 1;
  return (
    <section aria-labelledby="preview-heading" className={styles.preview}>
      <input type="hidden" name="draft" value={JSON.stringify(draft)} />
      <h2 id="preview-heading" tabIndex={-1}>
        {t("previewHeading", { count: draft.sentences.length })}
      </h2>
      <p className={formStyles.hint}>{t("previewHint")}</p>
      <ol className={styles.sentences}>
        {draft.sentences.map((sentence, i) => {
          const number = i + 1;
          const words = draft.text.slice(sentence.start, sentence.end).split(/\s+/u).length;
          const splitError = state.fields?.[`split.${i}`];
          return (
            <li key={`${sentence.start}-${sentence.end}`} className={styles.sentence}>
              <span className={styles.number} aria-hidden="true">
                {number}
              </span>
              <p className={styles.sentenceText}>{draft.text.slice(sentence.start, sentence.end)}</p>
              <div className={styles.controls}>
                {i < last && (
                  <button
                    type="submit"
                    name="op"
                    value={`join:${i}`}
                    className={formStyles.secondary}
                    aria-label={t("joinLabel", { number, next: number + 1 })}
                  >
                    {t("join")}
                  </button>
                )}
                {words > 1 && (
                  <span className={styles.split}>
                    <label htmlFor={`words-${i}`}>{t("splitAfter", { number })}</label>
                    <input
                      id={`words-${i}`}
                      name={`words.${i}`}
                      type="number"
                      min={1}
                      max={words - 1}
                      inputMode="numeric"
                      className={styles.wordInput}
                      aria-invalid={splitError ? true : undefined}
                      aria-describedby={splitError ? `words-${i}-error` : undefined}
                    />
                    <button
                      type="submit"
                      name="op"
                      value={`split:${i}`}
                      className={formStyles.secondary}
                      aria-label={t("splitLabel", { number })}
                    >
                      {t("split")}
                    </button>
                    {splitError && (
                      <span id={`words-${i}-error`} className={formStyles.fieldError}>
                        {errorText(splitError)}
                      </span>
                    )}
                  </span>
                )}
              </div>
            </li>
          );
        })}
      </ol>
      {draft.notes.length > 0 && (
        <p className={formStyles.hint}>{t("notesCount", { count: draft.notes.length })}</p>
      )}
    </section>
  );
}
