import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { canOnAssignments } from "@/lib/auth/policy";
import type { AssignmentDetail } from "@/lib/assignments/get-assignment";
import { getReadingHeatMap } from "@/lib/assignments/get-reading-heat-map";
import { loadGrades } from "@/lib/assignments/load-grades";
import { loadProgress } from "@/lib/assignments/load-progress";
import { findGroups } from "@/lib/groups/find-groups";
import { getGroup } from "@/lib/groups/get-group";
import type { Locale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { Field } from "../../../_components/forms/field";
import { SubmitButton } from "../../../_components/forms/submit-button";
import {
  closeAssignmentAction,
  copyAssignmentAction,
  deleteAssignmentAction,
  removeExtensionAction,
  reopenAssignmentAction,
  setExtensionAction,
} from "../actions";
import { GradingPanel } from "./grading-panel";
import { LocalTime } from "./local-time";
import { ProgressTable } from "./progress-table";
import { ReadingHeatMap } from "./reading-heat-map";
import pageStyles from "../../../_components/account-page.module.css";
import formStyles from "../../../_components/forms/forms.module.css";
import styles from "./assignments.module.css";

/**
 * What the group's staff see under an assignment: the progress table (each name a link to the
 * student's page) and its CSV, the heat map of the readings, grading (rubric, release), the students'
 * extensions, and editing, closing or reopening, copying to another group they teach, and deleting
 * (which says that students' annotations stay).
 */
export async function StaffPanel({
  locale,
  assignment,
  userId,
}: {
  locale: Locale;
  assignment: AssignmentDetail;
  userId: string;
}) {
  const actor = { userId };
  const [t, progress, group, groups, grades, heatMap] = await Promise.all([
    getTranslations({ locale, namespace: "assignments.staff" }),
    loadProgress(assignment.id),
    getGroup(actor, assignment.groupId),
    findGroups(actor),
    // Only the rubric is shown here: no student's scores need reading (hence the staff's own id).
    loadGrades(actor, [assignment.id], userId),
    getReadingHeatMap(actor, assignment.id),
  ]);
  const students = group.members.filter((m) => m.role === "STUDENT");
  const copyTargets = groups.filter(
    (g) => g.id !== assignment.groupId && canOnAssignments(g.role, "assignment.manage"),
  );
  const id = assignment.id;
  return (
    <>
      <section aria-labelledby="progress-heading" className={pageStyles.section}>
        <h2 id="progress-heading">{t("progressHeading")}</h2>
        {progress.length === 0 ? (
          <p className={pageStyles.ui}>{t("noStudents")}</p>
        ) : (
          <ProgressTable
            zone={assignment.timeZone}
            rows={progress.map((row) => ({
              userId: row.userId,
              name: row.name,
              href: `/${locale}/assignments/${id}/students/${row.userId}`,
              annotations: row.annotations,
              replies: row.replies,
              questions: row.questions,
              words: row.words,
              lateItems: row.lateItems,
              status: row.status,
              lastActivityAt: row.lastActivityAt?.toISOString() ?? "",
              extended: row.extended,
              revealUnlocked: row.revealUnlocked,
            }))}
          />
        )}
        <p className={pageStyles.ui}>
          <a href={`/api/assignments/${id}/progress?locale=${locale}`} download>
            {t("downloadCsv")}
          </a>
        </p>
      </section>

      <ReadingHeatMap locale={locale} readings={heatMap} />

      <GradingPanel locale={locale} assignment={assignment} criteria={grades.criteria.get(id) ?? []} />

      <section aria-labelledby="manage-heading" className={pageStyles.section}>
        <h2 id="manage-heading">{t("manageHeading")}</h2>
        <p className={pageStyles.ui}>
          <Link href={`/${locale}/assignments/${id}/edit`}>{t("edit")}</Link>
        </p>
        {assignment.discussionGroupSize !== null && (
          <p className={pageStyles.ui}>
            <Link href={`/${locale}/assignments/${id}/discussion-groups`}>{t("discussionGroupsLink")}</Link>
          </p>
        )}
        <div className={styles.actions}>
          {assignment.closedAt ? (
            <ActionForm
              action={reopenAssignmentAction.bind(null, id)}
              className={formStyles.inline}
              aria-label={t("reopen")}
            >
              <SubmitButton variant="secondary">{t("reopen")}</SubmitButton>
            </ActionForm>
          ) : (
            <ActionForm
              action={closeAssignmentAction.bind(null, id)}
              className={formStyles.inline}
              aria-label={t("close")}
            >
              <SubmitButton variant="secondary">{t("close")}</SubmitButton>
            </ActionForm>
          )}
        </div>
        <p className={styles.hint}>{t("closeHint")}</p>
        {copyTargets.length > 0 && (
          <ActionForm action={copyAssignmentAction.bind(null, locale, id)} aria-label={t("copyLabel")}>
            <Field
              name="groupId"
              label={t("copyTo")}
              options={copyTargets.map((g) => ({ value: g.id, label: g.name }))}
            />
            <SubmitButton variant="secondary">{t("copy")}</SubmitButton>
          </ActionForm>
        )}
        <details className={pageStyles.ui}>
          <summary>{t("deleteSummary")}</summary>
          <p>{t("deleteText")}</p>
          <ActionForm action={deleteAssignmentAction.bind(null, locale, id)} aria-label={t("delete")}>
            <SubmitButton variant="danger">{t("delete")}</SubmitButton>
          </ActionForm>
        </details>
      </section>

      <section aria-labelledby="extensions-heading" className={pageStyles.section}>
        <h2 id="extensions-heading">{t("extensionsHeading")}</h2>
        {assignment.extensions.length > 0 && (
          <ul className={pageStyles.ui}>
            {assignment.extensions.map((e) => (
              <li key={e.userId}>
                {e.name}: <LocalTime iso={e.dueAt.toISOString()} zone={assignment.timeZone} />
                <ActionForm
                  action={removeExtensionAction.bind(null, id, e.userId)}
                  className={formStyles.inline}
                  aria-label={t("removeExtensionOf", { name: e.name })}
                >
                  <SubmitButton variant="secondary">{t("removeExtensionOf", { name: e.name })}</SubmitButton>
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
        {students.length > 0 ? (
          <ActionForm action={setExtensionAction.bind(null, id)} aria-labelledby="extensions-heading">
            <Field
              name="userId"
              label={t("student")}
              options={students.map((s) => ({ value: s.userId, label: s.name }))}
            />
            <Field
              name="dueAt"
              type="datetime-local"
              label={t("newDueAt", { zone: assignment.timeZone })}
              required
            />
            <input type="hidden" name="timeZone" value={assignment.timeZone} />
            <SubmitButton>{t("saveExtension")}</SubmitButton>
          </ActionForm>
        ) : (
          <p className={pageStyles.ui}>{t("noStudents")}</p>
        )}
      </section>
    </>
  );
}
