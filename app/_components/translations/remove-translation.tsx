"use client";

import { useTranslations } from "next-intl";
import type { FormAction } from "../../_lib/form-state";
import styles from "../account-page.module.css";
import { ActionForm } from "../forms/action-form";
import formStyles from "../forms/forms.module.css";
import { SubmitButton } from "../forms/submit-button";

/**
 * Removing the translation being revised, after confirming: readers then see the newest translation
 * left, if any. Only offered for one attached in the app (the service refuses the others).
 */
export function RemoveTranslation({
  action,
  edition,
  number,
  label,
}: {
  action: FormAction;
  edition: number;
  number: number;
  label: string;
}) {
  const t = useTranslations("newTranslation");
  return (
    <section aria-labelledby="remove-translation-heading" className={styles.section}>
      <h2 id="remove-translation-heading">{t("removeHeading")}</h2>
      <p className={styles.intro}>{t("removeIntro")}</p>
      {/* The form around the disclosure: a refusal shows even when the disclosure comes back closed. */}
      <ActionForm action={action} className={formStyles.inline}>
        <input type="hidden" name="edition" value={edition} />
        <input type="hidden" name="number" value={number} />
        <details className={styles.confirm}>
          <summary>{t("removeSummary")}</summary>
          <p>{t("removeConfirmText", { label })}</p>
          <SubmitButton variant="danger">{t("removeConfirm")}</SubmitButton>
        </details>
      </ActionForm>
    </section>
  );
}
