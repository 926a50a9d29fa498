"use client";

import { useLocale, useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useRef, useState } from "react";
import type { PassageReferenceAttributes } from "@/lib/annotations/body/passage-reference";
import type { CitedPassage } from "@/lib/permalinks/find-cited-passages";
import { useMessageText } from "../../forms/use-message-text";
import { ApiError, fetchCitedPassage } from "../data/api-client";
import { permalinkIdFrom } from "../panel/permalink-address";
import styles from "./body-editor.module.css";

type Lookup =
  | { status: "idle" }
  | { status: "loading"; id: string }
  | { status: "found"; passage: CitedPassage; label: string }
  | { status: "error"; message: string };

interface EditorReferenceFieldProps {
  /** The chip to insert at the cursor. */
  onInsert: (reference: PassageReferenceAttributes) => void;
  onCancel: () => void;
}

/**
 * The small field under the toolbar that cites a passage (mirrors the link field): the writer pastes
 * a permalink (a full link, `/p/…` or the bare id), the passage is looked up as soon as the text
 * names one and shown with its label, and Enter or "Insert" puts it into the text as a chip. A malformed or unknown link is
 * explained; Escape goes back to the text.
 */
export function EditorReferenceField({ onInsert, onCancel }: EditorReferenceFieldProps) {
  const t = useTranslations("annotations.editor");
  const locale = useLocale();
  const errorText = useMessageText("errors");
  const id = useId();
  const [text, setText] = useState("");
  const [lookup, setLookup] = useState<Lookup>({ status: "idle" });
  /** The id last looked up: an answer for any other (the writer pasted again) is dropped. */
  const requested = useRef<string | null>(null);
  const permalinkId = permalinkIdFrom(text);

  /** Takes the field's new text and, when it names another passage, looks that passage up. */
  function change(value: string) {
    setText(value);
    const next = permalinkIdFrom(value);
    if (next === null) {
      requested.current = null;
      setLookup({ status: "idle" });
      return;
    }
    if (next === requested.current) return;
    requested.current = next;
    setLookup({ status: "loading", id: next });
    fetchCitedPassage(next).then(
      (passage) => {
        if (requested.current !== next) return;
        const label = t("citeLabel", {
          title: passage.title[locale],
          range: passage.firstSentence === passage.lastSentence ? "single" : "many",
          first: passage.firstSentence,
          last: passage.lastSentence,
        });
        setLookup({ status: "found", passage, label });
      },
      (error: unknown) => {
        if (requested.current !== next) return;
        // Asking again (Insert, or pasting the same link) tries again.
        requested.current = null;
        const notFound = error instanceof ApiError && error.status === 404;
        setLookup({
          status: "error",
          message: notFound ? "referenceNotFound" : error instanceof ApiError ? error.message : "generic",
        });
      },
    );
  }

  function insert() {
    if (permalinkId === null) {
      setLookup({ status: "error", message: "referenceInvalid" });
    } else if (lookup.status === "found" && lookup.passage.id === permalinkId) {
      onInsert({ permalinkId, label: lookup.label, quote: lookup.passage.quote });
    } else if (lookup.status !== "loading") {
      change(text);
    }
  }

  function keys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Not the form's Enter: this one inserts the passage.
      event.preventDefault();
      insert();
    } else if (event.key === "Escape") {
      // Closes only this field, not the whole form.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  const failed = lookup.status === "error";
  const ready = lookup.status === "found" && lookup.passage.id === permalinkId;
  return (
    <div className={styles.linkField}>
      <label htmlFor={`${id}-input`} className={styles.linkLabel}>
        {t("citeAddress")}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        // The field opens because the writer asked for it: pasting goes straight in.
        autoFocus
        className={styles.linkInput}
        value={text}
        placeholder="https://…/p/…"
        aria-invalid={failed || undefined}
        aria-describedby={failed ? `${id}-error` : `${id}-hint`}
        onChange={(event) => change(event.target.value)}
        onKeyDown={keys}
      />
      <button
        type="button"
        className={styles.linkButton}
        aria-disabled={!ready || undefined}
        onClick={insert}
      >
        {t("citeInsert")}
      </button>
      <button type="button" className={styles.linkButton} onClick={onCancel}>
        {t("linkCancel")}
      </button>
      {failed ? (
        <p id={`${id}-error`} className={styles.linkError} role="alert">
          {errorText(lookup.message)}
        </p>
      ) : (
        <p id={`${id}-hint`} className={styles.linkHint}>
          {t("citeHint")}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {lookup.status === "loading"
          ? t("citeLoading")
          : lookup.status === "found"
            ? t("citeFound", { label: lookup.label })
            : ""}
      </p>
      {lookup.status === "found" && (
        <figure className={styles.citePreview}>
          <blockquote className={styles.citeQuote}>{lookup.passage.quote}</blockquote>
          <figcaption className={styles.citeLabel}>{lookup.label}</figcaption>
        </figure>
      )}
    </div>
  );
}
