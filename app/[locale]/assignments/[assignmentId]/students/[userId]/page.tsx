import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnAssignments } from "@/lib/auth/policy";
import { getGradeSheet } from "@/lib/assignments/get-grade-sheet";
import { getStudentWork } from "@/lib/assignments/get-student-work";
import { loadProgress } from "@/lib/assignments/load-progress";
import { isAppError } from "@/lib/http/errors";
import { isLocale } from "@/lib/i18n/routing";
import { PageShell } from "../../../../../_components/page-shell";
import { requireUser } from "../../../../../_lib/require-user";
import { resolveLocale } from "../../../../../_lib/resolve-locale";
import { AssignmentMessages } from "../../../_components/assignment-messages";
import { FeedbackForm, FeedbackList } from "../../../_components/feedback-forms";
import { loadAssignment } from "../../../_components/load-assignment";
import { ScoreForm } from "../../../_components/score-form";
import { StudentThreadView } from "../../../_components/student-thread";
import pageStyles from "../../../../../_components/account-page.module.css";
import styles from "../../../_components/assignments.module.css";

interface Props {
  params: Promise<{ locale: string; assignmentId: string; userId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "assignments.studentPage" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * `/{locale}/assignments/{id}/students/{userId}`: for the group's staff, one student's work on the
 * assignment: their counts (the evidence), the rubric to score, private feedback on the whole
 * assignment, and every thread they posted in, whole, with a feedback form on each of their notes.
 * 404 for anyone else, and for someone who is not a student of the group.
 */
export default async function StudentWorkPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { assignmentId, userId } = await params;
  const path = `/assignments/${encodeURIComponent(assignmentId)}/students/${encodeURIComponent(userId)}`;
  const user = await requireUser(locale, `/${locale}${path}`);
  const actor = { userId: user.id };
  const assignment = (await loadAssignment(actor, assignmentId)) ?? notFound();
  if (!canOnAssignments(assignment.myRole, "assignment.grade")) notFound();
  const found = await Promise.all([
    getStudentWork(actor, assignment.id, userId),
    getGradeSheet(actor, assignment.id, userId),
    loadProgress(assignment.id, userId),
  ]).catch((error: unknown) => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  });
  const [work, sheet, [progress]] = found;
  if (!progress) notFound();
  const [t, tGrading, tStatus] = await Promise.all([
    getTranslations({ locale, namespace: "assignments.studentPage" }),
    getTranslations({ locale, namespace: "assignments.grading" }),
    getTranslations({ locale, namespace: "assignments.status" }),
  ]);
  const evidence = tGrading("evidence", {
    annotations: progress.annotations,
    replies: progress.replies,
    questions: progress.questions,
    words: progress.words,
    late: progress.lateItems,
  });
  const general = sheet?.feedback.filter((f) => f.annotationId === null) ?? [];
  return (
    <PageShell locale={locale} path={path}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/assignments/${assignment.id}`}>{t("back")}</Link>
      </p>
      <h1>{t("heading", { name: work.studentName, title: assignment.title })}</h1>
      <AssignmentMessages>
        <section aria-labelledby="counts-heading" className={pageStyles.ui}>
          <h2 id="counts-heading">{t("countsHeading")}</h2>
          <p>
            {tStatus(progress.status)} · {evidence}
          </p>
        </section>

        <section aria-labelledby="score-heading" className={pageStyles.section}>
          <h2 id="score-heading">{t("scoreHeading")}</h2>
          {sheet && sheet.criteria.length > 0 ? (
            <ScoreForm
              locale={locale}
              assignmentId={assignment.id}
              studentId={userId}
              criteria={sheet.criteria}
              evidence={evidence}
            />
          ) : (
            <p className={pageStyles.ui}>
              <Link href={`/${locale}/assignments/${assignment.id}#grading-heading`}>{t("noRubric")}</Link>
            </p>
          )}
          <p className={pageStyles.ui}>
            {assignment.gradesReleasedAt ? tGrading("released") : tGrading("notReleased")}
          </p>
        </section>

        <section aria-labelledby="feedback-heading" className={pageStyles.section}>
          <h2 id="feedback-heading">{t("feedbackHeading")}</h2>
          <p className={styles.hint}>{t("feedbackHint")}</p>
          <FeedbackList locale={locale} feedback={general} />
          <FeedbackForm
            locale={locale}
            assignmentId={assignment.id}
            studentId={userId}
            label={t("feedbackLabel")}
          />
        </section>

        <section aria-labelledby="work-heading" className={pageStyles.section}>
          <h2 id="work-heading">{t("workHeading")}</h2>
          {work.threads.length === 0 ? (
            <p className={pageStyles.ui}>{t("noWork")}</p>
          ) : (
            work.threads.map((thread) => (
              <StudentThreadView
                key={thread.root.id}
                locale={locale}
                assignmentId={assignment.id}
                studentId={userId}
                thread={thread}
                feedback={sheet?.feedback ?? []}
              />
            ))
          )}
        </section>
      </AssignmentMessages>
    </PageShell>
  );
}
