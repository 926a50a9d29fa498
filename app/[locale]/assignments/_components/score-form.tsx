import { getTranslations } from "next-intl/server";
import type { Criterion, Score } from "@/lib/assignments/load-grades";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import { scoreStudentAction } from "../grading-actions";
import styles from "./assignments.module.css";

/**
 * The rubric as a form for one student: per criterion its description, the student's counts as
 * evidence (never a score), the points (empty: not scored) and a comment.
 */
export async function ScoreForm({
  locale,
  assignmentId,
  studentId,
  criteria,
  evidence,
}: {
  locale: Locale;
  assignmentId: string;
  studentId: string;
  criteria: readonly (Criterion & { score: Score | null })[];
  evidence: string;
}) {
  const t = await getTranslations({ locale, namespace: "assignments.grading" });
  return (
    <ActionForm
      action={scoreStudentAction.bind(null, assignmentId, studentId)}
      aria-labelledby="score-heading"
    >
      <p className={styles.hint}>{t("evidenceHint")}</p>
      {criteria.map((c, i) => (
        <fieldset key={c.id} className={styles.fieldset}>
          <legend>{t("criterionMax", { title: c.title, max: c.maxPoints })}</legend>
          {c.description && <p>{c.description}</p>}
          <p className={styles.hint}>{evidence}</p>
          <input type="hidden" name={`scores.${i}.criterionId`} value={c.id} />
          <Field
            name={`scores.${i}.points`}
            label={t("points", { max: c.maxPoints })}
            type="number"
            inputMode="numeric"
            min={0}
            max={c.maxPoints}
            defaultValue={c.score?.points ?? ""}
          />
          <Field
            name={`scores.${i}.comment`}
            label={t("comment")}
            optional
            rows={2}
            maxLength={2000}
            defaultValue={c.score?.comment ?? ""}
          />
        </fieldset>
      ))}
      <SubmitButton>{t("saveScores")}</SubmitButton>
    </ActionForm>
  );
}
