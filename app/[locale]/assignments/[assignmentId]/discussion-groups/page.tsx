import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnAssignments } from "@/lib/auth/policy";
import { findDiscussionGroups } from "@/lib/assignments/find-discussion-groups";
import { NEW_DISCUSSION_GROUP } from "@/lib/assignments/schema";
import { isLocale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../../_components/forms/action-form";
import { Field } from "../../../../_components/forms/field";
import { SubmitButton } from "../../../../_components/forms/submit-button";
import { PageShell } from "../../../../_components/page-shell";
import { requireUser } from "../../../../_lib/require-user";
import { resolveLocale } from "../../../../_lib/resolve-locale";
import { moveToDiscussionGroupAction, shuffleDiscussionGroupsAction } from "../../discussion-actions";
import { AssignmentMessages } from "../../_components/assignment-messages";
import { loadAssignment } from "../../_components/load-assignment";
import pageStyles from "../../../../_components/account-page.module.css";
import formStyles from "../../../../_components/forms/forms.module.css";
import styles from "../../_components/assignments.module.css";

interface Props {
  params: Promise<{ locale: string; assignmentId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "assignments.discussion" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * `/{locale}/assignments/{id}/discussion-groups`: for the group's staff, the assignment's discussion
 * groups (small groups): who is in which, a shuffle into groups of the chosen size, and a select per
 * student to move them by hand (to another group, a new one, or none). 404 for anyone else.
 */
export default async function DiscussionGroupsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { assignmentId } = await params;
  const path = `/assignments/${encodeURIComponent(assignmentId)}/discussion-groups`;
  const user = await requireUser(locale, `/${locale}${path}`);
  const actor = { userId: user.id };
  const assignment = (await loadAssignment(actor, assignmentId)) ?? notFound();
  if (!canOnAssignments(assignment.myRole, "assignment.manage")) notFound();
  const [t, tAssignments, discussion] = await Promise.all([
    getTranslations({ locale, namespace: "assignments.discussion" }),
    getTranslations({ locale, namespace: "assignments" }),
    findDiscussionGroups(actor, assignment.id),
  ]);
  const id = assignment.id;
  const size = discussion.size;
  const groupLabel = new Map(discussion.groups.map((g) => [g.id, t("groupNumber", { number: g.number })]));
  const choices = [
    ...discussion.groups.map((g) => ({ value: g.id, label: groupLabel.get(g.id)! })),
    { value: NEW_DISCUSSION_GROUP, label: t("newGroup") },
    { value: "", label: t("notPlaced") },
  ];
  const unplaced = discussion.students.filter((s) => s.discussionGroupId === null);
  return (
    <PageShell locale={locale} path={path}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/assignments/${id}`}>{tAssignments("backToAssignment")}</Link>
      </p>
      <h1>{t("heading", { title: assignment.title })}</h1>
      <AssignmentMessages>
        {size === null ? (
          <p className={pageStyles.ui}>{t("off")}</p>
        ) : discussion.students.length === 0 ? (
          <p className={pageStyles.ui}>{t("noStudents")}</p>
        ) : (
          <>
            <p className={pageStyles.ui}>{t("intro", { size })}</p>
            <section aria-labelledby="groups-heading" className={pageStyles.section}>
              <h2 id="groups-heading">{t("title")}</h2>
              <ul className={pageStyles.ui}>
                {discussion.groups.map((g) => {
                  const members = discussion.students.filter((s) => s.discussionGroupId === g.id);
                  return (
                    <li key={g.id}>
                      {t("groupMembers", { number: g.number, count: members.length })}
                      {members.length > 0 && `: ${members.map((m) => m.name).join(", ")}`}
                    </li>
                  );
                })}
                {unplaced.length > 0 && (
                  <li>
                    {t("notPlaced")}: {unplaced.map((m) => m.name).join(", ")}
                  </li>
                )}
              </ul>
            </section>
            <section aria-labelledby="shuffle-heading" className={pageStyles.section}>
              <h2 id="shuffle-heading">{t("shuffleHeading")}</h2>
              <p className={styles.hint}>{t("shuffleHint", { size })}</p>
              <ActionForm
                action={shuffleDiscussionGroupsAction.bind(null, id)}
                aria-labelledby="shuffle-heading"
              >
                <SubmitButton>{t("shuffle", { size })}</SubmitButton>
              </ActionForm>
            </section>
            <section aria-labelledby="by-hand-heading" className={pageStyles.section}>
              <h2 id="by-hand-heading">{t("byHandHeading")}</h2>
              <ul className={styles.discussionStudents}>
                {discussion.students.map((student) => (
                  <li key={student.userId}>
                    <ActionForm
                      action={moveToDiscussionGroupAction.bind(null, id)}
                      className={formStyles.inline}
                      aria-label={t("moveOf", { name: student.name })}
                    >
                      <input type="hidden" name="userId" value={student.userId} />
                      {/* Keyed by the student's group: after a move the select shows where they are now. */}
                      <Field
                        key={student.discussionGroupId ?? ""}
                        name="discussionGroup"
                        label={t("moveLabel", { name: student.name })}
                        options={choices}
                        defaultValue={student.discussionGroupId ?? ""}
                      />
                      <SubmitButton variant="secondary">
                        {t("move")}
                        <span className="visually-hidden"> {student.name}</span>
                      </SubmitButton>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            </section>
          </>
        )}
      </AssignmentMessages>
    </PageShell>
  );
}
