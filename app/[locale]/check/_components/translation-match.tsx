import { getTranslations } from "next-intl/server";
import type { CorpusSource } from "@/lib/quote-check/load-corpus";
import type { QuoteMatch } from "@/lib/quote-check/types";
import { formatLanguageName } from "@/lib/sources/format-language-name";
import type { Locale } from "@/lib/sources/types";
import styles from "../check.module.css";
import { placeValues, sourceOf } from "./passage-place";
import { QuotedPassage } from "./quoted-passage";
import { richTags } from "./rich-tags";

interface TranslationMatchProps {
  locale: Locale;
  /** The translations the quotation was checked against, and the place it matched in one. */
  translations: CorpusSource[];
  match: QuoteMatch;
  /** The sources' own texts, and the original passage of the matched sentences. */
  originals: CorpusSource[];
  original: QuoteMatch;
}

/**
 * Says that a quotation matched Glossa's working translation, not the source's own text, and shows
 * the translated passage beside the original passage of the same sentences: the one to quote and cite.
 */
export async function TranslationMatch({
  locale,
  translations,
  match,
  originals,
  original,
}: TranslationMatchProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const translation = sourceOf(translations, match);
  const source = sourceOf(originals, original);
  const place = placeValues(original, source, locale);
  return (
    <div className={styles.translationMatch}>
      <p className={styles.translationNotice}>
        {t.rich("matchedTranslation", {
          ...place,
          language: formatLanguageName(translation.language, locale),
          cite: richTags(locale).cite,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <div className={styles.sideBySide}>
        <figure>
          <figcaption>
            {t("translationPassage", { language: formatLanguageName(translation.language, locale) })}
          </figcaption>
          <QuotedPassage locale={locale} language={translation.language}>
            {match.text}
          </QuotedPassage>
        </figure>
        <figure>
          <figcaption>
            {t("originalPassage", { language: formatLanguageName(source.language, locale) })}
          </figcaption>
          <QuotedPassage locale={locale} language={source.language}>
            {original.text}
          </QuotedPassage>
        </figure>
      </div>
    </div>
  );
}
