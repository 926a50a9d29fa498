"use client";

import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useActionFormContext } from "../../../_components/forms/action-form";
import styles from "./invite-link-result.module.css";

interface InviteLinkResultProps {
  label: string;
  note: string;
  /** The copy button's text, when what is shown is not a link (an access token). */
  copyLabel?: string;
}

/**
 * The invite link just made, in the form that made it: shown this once (only its hash is stored),
 * focused and selected, with a button that copies it. (The account page shows a new access token
 * with it too.)
 */
export function InviteLinkResult({ label, note, copyLabel }: InviteLinkResultProps) {
  const { formId, state } = useActionFormContext();
  const link = state.status === "ok" ? state.value : undefined;
  if (!link) return null;
  // A new link gets a fresh box (and the focus, and no stale "copied").
  return (
    <LinkBox key={link} id={`${formId}-link`} link={link} label={label} note={note} copyLabel={copyLabel} />
  );
}

function LinkBox({ id, link, label, note, copyLabel }: InviteLinkResultProps & { id: string; link: string }) {
  const t = useTranslations("forms");
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"no" | "yes" | "failed">("no");

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
      setCopied("yes");
    } catch {
      input.current?.select();
      setCopied("failed");
    }
  }

  return (
    <div className={styles.box}>
      <label htmlFor={id} className={styles.label}>
        {label}
      </label>
      <p id={`${id}-note`} className={styles.note}>
        {note}
      </p>
      <div className={styles.row}>
        <input
          ref={input}
          id={id}
          className={styles.link}
          readOnly
          value={link}
          aria-describedby={`${id}-note`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <button type="button" className={styles.copy} onClick={copy}>
          {copyLabel ?? t("copy")}
        </button>
      </div>
      <p role="status" className={styles.note}>
        {copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}
