"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { shortenQuote } from "./quote-text";
import styles from "./controls.module.css";

interface QuoteBlockProps {
  quote: string;
  /** The language of the quoted text (the source's, BCP 47), for its pronunciation and hyphenation. */
  lang: string;
  id?: string;
  /** Clicking the quote (with the mouse; the card has a "Show in text" button for the keyboard). */
  onClick?: () => void;
}

/**
 * A quoted passage, shortened in the middle when long, with a button that shows it whole (and back).
 */
export function QuoteBlock({ quote, lang, id, onClick }: QuoteBlockProps) {
  const t = useTranslations("annotations.quote");
  const [whole, setWhole] = useState(false);
  const short = shortenQuote(quote);
  const text = whole ? quote.replace(/\s+/g, " ").trim() : short.text;

  return (
    <div className={styles.quoteBox}>
      <blockquote
        id={id}
        lang={lang}
        tabIndex={id ? -1 : undefined}
        className={onClick ? styles.quoteClickable : styles.quote}
        onClick={
          onClick
            ? () => {
                // Selecting words of the quote to copy them is not a request to jump to the text.
                if (window.getSelection()?.isCollapsed !== false) onClick();
              }
            : undefined
        }
      >
        {text}
      </blockquote>
      {short.shortened && (
        <button
          type="button"
          className={styles.linkButton}
          aria-expanded={whole}
          onClick={() => setWhole(!whole)}
        >
          {whole ? t("showLess") : t("showWhole")}
        </button>
      )}
    </div>
  );
}
