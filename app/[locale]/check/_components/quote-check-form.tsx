import { getTranslations } from "next-intl/server";
import { MAX_QUOTATION_LENGTH } from "@/lib/quote-check/check-quote";
import type { Locale } from "@/lib/sources/types";
import formStyles from "../../../_components/forms/forms.module.css";
import styles from "../check.module.css";

interface QuoteCheckFormProps {
  locale: Locale;
  /** The quotation as typed, kept in the field after a check. */
  value: string;
  /** Why the quotation cannot be checked, shown with the field. */
  error: string | null;
}

/**
 * The quotation to check. A plain GET form: the quotation lands in the page's URL (`?q=`), so a check
 * works without JavaScript and can be shared; `#result` takes the reader to the answer.
 */
export async function QuoteCheckForm({ locale, value, error }: QuoteCheckFormProps) {
  const t = await getTranslations({ locale, namespace: "quoteCheck" });
  const describedBy = ["quotation-hint", error === null ? "" : "quotation-error"].filter(Boolean).join(" ");
  return (
    <form action={`/${locale}/check#result`} method="get" className={`${styles.form} no-print`}>
      <div className={formStyles.field} id={error === null ? undefined : "result"}>
        <label htmlFor="quotation" className={formStyles.label}>
          {t("label")}
        </label>
        <p id="quotation-hint" className={formStyles.hint}>
          {t("hint", { max: MAX_QUOTATION_LENGTH })}
        </p>
        {error !== null && (
          <p id="quotation-error" className={formStyles.fieldError}>
            {error}
          </p>
        )}
        <textarea
          id="quotation"
          name="q"
          rows={6}
          maxLength={MAX_QUOTATION_LENGTH}
          defaultValue={value}
          spellCheck={false}
          aria-describedby={describedBy}
          aria-invalid={error === null ? undefined : true}
          className={`${formStyles.input} ${styles.quotation}`}
        />
      </div>
      <button type="submit" className={formStyles.primary}>
        {t("submit")}
      </button>
    </form>
  );
}
