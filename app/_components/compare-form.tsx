import { getTranslations } from "next-intl/server";
import type { Locale, SourceSummary } from "@/lib/sources/types";
import styles from "./compare-form.module.css";

interface CompareFormProps {
  locale: Locale;
  sources: SourceSummary[];
  /** Slugs to tick from the start (the current or rejected selection). */
  selected?: readonly string[];
  /** Heading text; defaults to "Compare sources". */
  heading?: string;
}

/**
 * Choose two or three sources to read side by side. A plain GET form: the selection lands in the
 * compare view's URL (`?s=a&s=b`), which validates it, so it works without JavaScript.
 */
export async function CompareForm({ locale, sources, selected = [], heading }: CompareFormProps) {
  const t = await getTranslations({ locale, namespace: "compareForm" });
  return (
    <section aria-labelledby="compare-form-heading" className={`${styles.section} no-print`}>
      <h2 id="compare-form-heading">{heading ?? t("heading")}</h2>
      <form action={`/${locale}/compare`} method="get">
        <fieldset className={styles.fieldset} aria-describedby="compare-form-hint">
          <legend className={styles.legend}>{t("legend")}</legend>
          <p id="compare-form-hint" className={styles.hint}>
            {t("hint")}
          </p>
          <ul className={styles.choices}>
            {sources.map((source) => (
              <li key={source.slug} className={styles.choice}>
                <input
                  type="checkbox"
                  id={`compare-${source.slug}`}
                  name="s"
                  value={source.slug}
                  defaultChecked={selected.includes(source.slug)}
                />
                <label htmlFor={`compare-${source.slug}`}>{source.title[locale]}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <button type="submit" className={styles.submit}>
          {t("submit")}
        </button>
      </form>
    </section>
  );
}
