import { Fragment, type ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { AlignedToken } from "@/lib/quote-check/types";
import type { Locale } from "@/lib/sources/types";
import styles from "./comparison.module.css";
import { omissionTags, richTags } from "./rich-tags";

interface TokenComparisonProps {
  locale: Locale;
  /** The language of the source's text (and so, presumably, of the quotation). */
  language: string;
  tokens: AlignedToken[];
}

/** A missing run that holds a letter or digit is words left out, not just punctuation. */
const WORD = /[\p{L}\p{N}]/u;

/**
 * The quotation aligned with the source, word by word. Each difference is shown by more than colour:
 * words of the quotation not in the source are struck through (<del>), words of the source it lacks
 * are underlined (<ins>), those left out without an ellipsis mark also boxed, the words an ellipsis
 * mark stands for dimmed after it; text for screen readers only says what each mark means. A legend
 * follows, with the marks that occur.
 */
export async function TokenComparison({ locale, language, tokens }: TokenComparisonProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const tags = richTags(locale);
  const sample = (chunks: ReactNode, className: string | undefined) => (
    <span className={className}>{chunks}</span>
  );

  function show(token: AlignedToken): ReactNode {
    switch (token.status) {
      case "same":
        return token.text;
      case "changed":
        return t.rich("tokenChanged", { quoted: token.text, source: token.source ?? "", ...tags });
      case "added":
        return t.rich("tokenAdded", { quoted: token.text, ...tags });
      case "missing":
        return WORD.test(token.text)
          ? t.rich("tokenOmitted", { source: token.text, ...omissionTags(locale) })
          : t.rich("tokenMissing", { source: token.text, ...tags });
      case "elided":
        return token.source
          ? t.rich("tokenElided", { mark: token.text, source: token.source, ...tags })
          : token.text;
    }
  }

  const has = (test: (token: AlignedToken) => boolean) => tokens.some(test);
  const legend = [
    has((token) => token.status === "changed" || token.status === "added") &&
      t.rich("legendStruck", { sample: (chunks) => sample(chunks, styles.del) }),
    has((token) => token.status === "changed" || token.status === "missing") &&
      t.rich("legendUnderlined", { sample: (chunks) => sample(chunks, styles.ins) }),
    has((token) => token.status === "missing" && WORD.test(token.text)) &&
      t.rich("legendBoxed", { sample: (chunks) => sample(chunks, styles.omitted) }),
    has((token) => token.status === "elided" && Boolean(token.source)) &&
      t.rich("legendDimmed", { sample: (chunks) => sample(chunks, styles.elided) }),
  ].filter(Boolean);

  return (
    <>
      <p className={styles.comparison} lang={language}>
        {tokens.map((token, index) => (
          <Fragment key={index}>
            {index > 0 && token.spaceBefore ? " " : null}
            {show(token)}
          </Fragment>
        ))}
      </p>
      {legend.length > 0 && (
        <ul className={styles.legend}>
          {legend.map((entry, index) => (
            <li key={index}>{entry}</li>
          ))}
        </ul>
      )}
    </>
  );
}
