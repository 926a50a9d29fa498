import { getTranslations } from "next-intl/server";
import type { Feedback } from "@/lib/assignments/load-grades";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import { addFeedbackAction, deleteFeedbackAction } from "../grading-actions";
import { LocalTime } from "./local-time";
import formStyles from "../../../_components/forms/forms.module.css";
import styles from "./assignments.module.css";

/** Staff's feedback to a student, each with who wrote it, when, and a button to delete it. */
export async function FeedbackList({ locale, feedback }: { locale: Locale; feedback: readonly Feedback[] }) {
  const t = await getTranslations({ locale, namespace: "assignments.studentPage" });
  return feedback.map((f) => (
    <div key={f.id} className={styles.feedback}>
      <p className={styles.hint}>
        {f.authorName ?? ""} · <LocalTime iso={f.createdAt.toISOString()} zone="UTC" />
      </p>
      <div dangerouslySetInnerHTML={{ __html: f.bodyHtml }} />
      <ActionForm
        action={deleteFeedbackAction.bind(null, f.id)}
        className={formStyles.inline}
        aria-label={t("deleteFeedback")}
      >
        <SubmitButton variant="secondary">{t("deleteFeedback")}</SubmitButton>
      </ActionForm>
    </div>
  ));
}

/** A form for private feedback to the student: on the whole assignment, or on `annotationId`. */
export async function FeedbackForm({
  locale,
  assignmentId,
  studentId,
  annotationId,
  label,
}: {
  locale: Locale;
  assignmentId: string;
  studentId: string;
  annotationId?: string;
  label: string;
}) {
  const t = await getTranslations({ locale, namespace: "assignments.studentPage" });
  return (
    <ActionForm
      action={addFeedbackAction.bind(null, assignmentId, studentId)}
      resetOnSuccess
      aria-label={label}
    >
      <input type="hidden" name="annotationId" value={annotationId ?? ""} />
      <Field name="text" label={label} rows={3} maxLength={10_000} />
      <SubmitButton>{t("saveFeedback")}</SubmitButton>
    </ActionForm>
  );
}
