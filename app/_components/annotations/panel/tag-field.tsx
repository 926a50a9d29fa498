"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useRef, useState } from "react";
import { MAX_TAGS } from "@/lib/annotations/types";
import { FieldError } from "./field-error";
import { usePanel } from "./panel-context";
import { addTags, type TagProblem } from "./tags";
import styles from "./controls.module.css";

interface TagFieldProps {
  /** The id of the text input. */
  id: string;
  tags: string[];
  /** What is typed but not yet a tag (saving adds it). */
  text: string;
  onChange: (tags: string[], text: string) => void;
  /** Problems from the last save. */
  errors: string[];
}

/**
 * Tags as removable chips and a text input: a comma or Enter turns what was typed into tags. A tag
 * that is too long, or one too many, stays in the input with the reason beside it.
 */
export function TagField({ id, tags, text, onChange, errors }: TagFieldProps) {
  const t = useTranslations("annotations.tags");
  const { announce } = usePanel();
  const [problem, setProblem] = useState<TagProblem | null>(null);
  const input = useRef<HTMLInputElement>(null);

  function add(typed: string) {
    const result = addTags(tags, typed);
    setProblem(result.problem);
    onChange(result.tags, result.rest);
    const added = result.tags.slice(tags.length);
    if (added.length > 0) announce(t("added", { tags: added.join(", "), count: added.length }));
  }

  function keys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Enter makes a tag; it does not send the form.
      event.preventDefault();
      if (text.trim() !== "") add(text);
    }
  }

  function remove(tag: string) {
    onChange(
      tags.filter((known) => known !== tag),
      text,
    );
    setProblem(null);
    announce(t("removed", { tag }));
    // The chip's button is gone: the input is the nearest sensible place for focus.
    input.current?.focus();
  }

  const messages = [...new Set([...(problem ? [problem] : []), ...errors])];
  const describedBy = [`${id}-hint`, messages.length ? `${id}-error` : ""].filter(Boolean).join(" ");

  return (
    <div className={styles.field}>
      <label htmlFor={id} className={styles.legend}>
        {t("label")}
      </label>
      <p id={`${id}-hint`} className={styles.hint}>
        {t("hint", { max: MAX_TAGS })}
      </p>
      {tags.length > 0 && (
        <ul className={styles.chips} aria-label={t("list")}>
          {tags.map((tag) => (
            <li key={tag} className={styles.chip}>
              <span>{tag}</span>
              <button
                type="button"
                className={styles.chipRemove}
                aria-label={t("remove", { tag })}
                onClick={() => remove(tag)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        ref={input}
        id={id}
        type="text"
        className={styles.input}
        value={text}
        autoComplete="off"
        enterKeyHint="enter"
        aria-describedby={describedBy}
        aria-invalid={messages.length ? true : undefined}
        onChange={(event) => {
          const typed = event.target.value;
          if (/[,\n]/.test(typed)) add(typed);
          else {
            setProblem(null);
            onChange(tags, typed);
          }
        }}
        onKeyDown={keys}
      />
      <FieldError id={`${id}-error`} messages={messages} />
    </div>
  );
}
