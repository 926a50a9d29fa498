import type { ReactNode } from "react";
import type { Locale } from "@/lib/sources/types";
import styles from "./comparison.module.css";

/**
 * The tags of the quoteCheck messages: `hidden` text for screen readers only (in the interface's
 * language, inside text that may be in the source's), `del` for words of the quotation that are not
 * in the source, `ins` for words of the source the quotation lacks, `elided` for the words an
 * ellipsis mark stands for, `cite` for a source's title.
 */
export function richTags(locale: Locale) {
  return {
    hidden: (chunks: ReactNode) => (
      <span className="visually-hidden" lang={locale}>
        {chunks}
      </span>
    ),
    del: (chunks: ReactNode) => <del className={styles.del}>{chunks}</del>,
    ins: (chunks: ReactNode) => <ins className={styles.ins}>{chunks}</ins>,
    elided: (chunks: ReactNode) => <span className={styles.elided}>{chunks}</span>,
    cite: (chunks: ReactNode) => <cite>{chunks}</cite>,
  };
}

/** The same, with `ins` boxed: words of the source left out without an ellipsis mark. */
export function omissionTags(locale: Locale) {
  return {
    ...richTags(locale),
    ins: (chunks: ReactNode) => <ins className={styles.omitted}>{chunks}</ins>,
  };
}
