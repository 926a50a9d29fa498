import type { ReactNode } from "react";
import type { Locale } from "@/lib/sources/types";
import styles from "../check.module.css";

interface QuotedPassageProps {
  locale: Locale;
  /** The language of the source's text. */
  language: string;
  id?: string;
  children: ReactNode;
}

/** A source's words, in the interface's quotation marks. */
export function QuotedPassage({ locale, language, id, children }: QuotedPassageProps) {
  const [open, close] = locale === "pl" ? ["„", "”"] : ["“", "”"];
  return (
    <blockquote className={styles.passage} lang={language}>
      <p>
        {open}
        <span id={id}>{children}</span>
        {close}
      </p>
    </blockquote>
  );
}
