import { getTranslations } from "next-intl/server";
import type { AssignmentDetail } from "@/lib/assignments/get-assignment";
import type { Criterion } from "@/lib/assignments/load-grades";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import { saveRubricAction, setGradesReleasedAction } from "../grading-actions";
import pageStyles from "../../../_components/account-page.module.css";
import formStyles from "../../../_components/forms/forms.module.css";
import styles from "./assignments.module.css";

/** Blank rows offered after the rubric's criteria, for new ones (the form works without script). */
const BLANK_ROWS = 2;

/**
 * Staff's grading section of an assignment: whether grades are released (and the switch), and the
 * rubric's editor: one fieldset per criterion, then blank rows for new ones. Scores are given on
 * each student's page.
 */
export async function GradingPanel({
  locale,
  assignment,
  criteria,
}: {
  locale: Locale;
  assignment: AssignmentDetail;
  criteria: readonly Criterion[];
}) {
  const t = await getTranslations({ locale, namespace: "assignments.grading" });
  const released = assignment.gradesReleasedAt !== null;
  const rows = [
    ...criteria,
    ...Array.from({ length: BLANK_ROWS + (criteria.length === 0 ? 1 : 0) }, () => null),
  ];
  return (
    <section aria-labelledby="grading-heading" className={pageStyles.section}>
      <h2 id="grading-heading">{t("heading")}</h2>
      <p className={pageStyles.ui}>{released ? t("released") : t("notReleased")}</p>
      <ActionForm
        action={setGradesReleasedAction.bind(null, assignment.id, !released)}
        className={formStyles.inline}
        aria-label={released ? t("withdraw") : t("release")}
      >
        <SubmitButton variant={released ? "secondary" : "primary"}>
          {released ? t("withdraw") : t("release")}
        </SubmitButton>
      </ActionForm>

      <h3 id="rubric-heading">{t("rubricHeading")}</h3>
      <p className={styles.hint}>{t("rubricHint")}</p>
      <ActionForm action={saveRubricAction.bind(null, assignment.id)} aria-labelledby="rubric-heading">
        {rows.map((criterion, i) => (
          <fieldset key={criterion?.id ?? `new-${i}`} className={styles.fieldset}>
            <legend>{t("criterionLegend", { n: i + 1 })}</legend>
            <input type="hidden" name={`criteria.${i}.id`} value={criterion?.id ?? ""} />
            <Field
              name={`criteria.${i}.title`}
              label={t("criterionTitle")}
              defaultValue={criterion?.title ?? ""}
              maxLength={200}
            />
            <Field
              name={`criteria.${i}.description`}
              label={t("criterionDescription")}
              optional
              rows={2}
              defaultValue={criterion?.description ?? ""}
            />
            <Field
              name={`criteria.${i}.maxPoints`}
              label={t("maxPoints")}
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              defaultValue={criterion?.maxPoints ?? ""}
            />
          </fieldset>
        ))}
        <SubmitButton>{t("saveRubric")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
