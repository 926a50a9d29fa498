"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { copyToClipboard } from "./copy-to-clipboard";
import styles from "./citation-block.module.css";

/** How long "Copied" stays beside the button. */
const STATUS_MS = 4_000;

interface CopyButtonProps {
  /** What is copied, as plain text. */
  text: string;
  /** The same as rich text (an HTML fragment), when it has any formatting. */
  html?: string;
  /** Completes the button's name for assistive technology: "Copy" + " Chicago note". */
  name: string;
}

/** "Copy" (named after what it copies), with a polite status saying whether it worked. */
export function CopyButton({ text, html, name }: CopyButtonProps) {
  const t = useTranslations("cite");
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  const timer = useRef(0);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    window.clearTimeout(timer.current);
    try {
      await copyToClipboard(text, html);
      setStatus("copied");
      timer.current = window.setTimeout(() => setStatus("idle"), STATUS_MS);
    } catch {
      setStatus("failed");
    }
  }

  return (
    <span className={styles.copy}>
      <button type="button" className={styles.button} onClick={copy}>
        {t("copy")}
        <span className="visually-hidden"> {name}</span>
      </button>
      <span role="status" className={status === "failed" ? styles.copyFailed : styles.copied}>
        {status === "copied" ? t("copied") : status === "failed" ? t("copyFailed") : ""}
      </span>
    </span>
  );
}
