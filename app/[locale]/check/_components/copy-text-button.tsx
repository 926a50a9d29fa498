"use client";

import { useState, useSyncExternalStore } from "react";
import styles from "../check.module.css";

interface CopyTextButtonProps {
  /** The id of the element whose text is copied. */
  targetId: string;
  labels: { copy: string; copied: string; failed: string };
}

const subscribe = () => () => {};
const canCopy = () => typeof navigator.clipboard?.writeText === "function";
const onServer = () => false;

/**
 * Copies a passage's text to the clipboard and says so in a status message. Offered only where the
 * browser can do it (so not without JavaScript, where the text is selected and copied by hand).
 */
export function CopyTextButton({ targetId, labels }: CopyTextButtonProps) {
  const available = useSyncExternalStore(subscribe, canCopy, onServer);
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    const text = document.getElementById(targetId)?.textContent ?? "";
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
  }

  return (
    <div className={`${styles.copy} no-print`}>
      {available && (
        <button type="button" className={styles.copyButton} onClick={copy}>
          {labels.copy}
        </button>
      )}
      <span role="status">
        {status === "copied" ? labels.copied : status === "failed" ? labels.failed : ""}
      </span>
    </div>
  );
}
