"use client";

import { useTranslations } from "next-intl";
import { type KeyboardEvent, useId, useState } from "react";
import { useMessageText } from "../../forms/use-message-text";
import { linkAddress } from "./link-address";
import styles from "./body-editor.module.css";

interface EditorLinkFieldProps {
  /** The address of the link at the cursor, to change it. */
  initial: string;
  /** A checked address (http, https or mailto), or null to remove the link. */
  onApply: (href: string | null) => void;
  onCancel: () => void;
}

/**
 * The small field under the toolbar that asks for a link's address (instead of window.prompt):
 * Enter applies, Escape goes back to the text; an address that is not allowed is explained.
 */
export function EditorLinkField({ initial, onApply, onCancel }: EditorLinkFieldProps) {
  const t = useTranslations("annotations.editor");
  const errorText = useMessageText("errors");
  const id = useId();
  const [text, setText] = useState(initial);
  const [refused, setRefused] = useState(false);

  function apply() {
    if (text.trim() === "") return onApply(null);
    const href = linkAddress(text);
    if (href) onApply(href);
    else setRefused(true);
  }

  function keys(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Not the form's Enter: this one applies the link.
      event.preventDefault();
      apply();
    } else if (event.key === "Escape") {
      // Closes only this field, not the whole form.
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  }

  return (
    <div className={styles.linkField}>
      <label htmlFor={`${id}-input`} className={styles.linkLabel}>
        {t("linkAddress")}
      </label>
      <input
        id={`${id}-input`}
        type="text"
        inputMode="url"
        autoComplete="url"
        spellCheck={false}
        // The field opens because the writer asked for it: typing goes straight in.
        autoFocus
        className={styles.linkInput}
        value={text}
        placeholder="https://"
        aria-invalid={refused || undefined}
        aria-describedby={refused ? `${id}-error` : `${id}-hint`}
        onChange={(event) => {
          setText(event.target.value);
          setRefused(false);
        }}
        onKeyDown={keys}
      />
      <button type="button" className={styles.linkButton} onClick={apply}>
        {t("linkApply")}
      </button>
      <button type="button" className={styles.linkButton} onClick={onCancel}>
        {t("linkCancel")}
      </button>
      {refused ? (
        <p id={`${id}-error`} className={styles.linkError} role="alert">
          {errorText("linkNotAllowed")}
        </p>
      ) : (
        <p id={`${id}-hint`} className={styles.linkHint}>
          {t("linkHint")}
        </p>
      )}
    </div>
  );
}
