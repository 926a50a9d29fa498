import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor, getCurrentUser } from "@/lib/auth/get-current-user";
import { canOnAssignments } from "@/lib/auth/policy";
import { getGradeSheet } from "@/lib/assignments/get-grade-sheet";
import { loadProgress } from "@/lib/assignments/load-progress";
import { isLocale } from "@/lib/i18n/routing";
import { ExportSection } from "../../../_components/export/export-section";
import { PageMessage } from "../../../_components/page-message";
import { PageShell } from "../../../_components/page-shell";
import { firstParam, messageText } from "../../../_lib/message-text";
import { requireUser } from "../../../_lib/require-user";
import { resolveLocale } from "../../../_lib/resolve-locale";
import { sourcePath } from "../../../_lib/source-path";
import { AssignmentMessages } from "../_components/assignment-messages";
import { GradeSheetView } from "../_components/grade-sheet-view";
import { LocalTime, TimeLeft } from "../_components/local-time";
import { loadAssignment } from "../_components/load-assignment";
import { RequirementList } from "../_components/requirement-list";
import { StaffPanel } from "../_components/staff-panel";
import pageStyles from "../../../_components/account-page.module.css";
import styles from "../_components/assignments.module.css";

interface Props {
  params: Promise<{ locale: string; assignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, assignmentId } = await params;
  if (!isLocale(locale)) return {};
  const assignment = (await getCurrentUser()) ? await loadAssignment(await getActor(), assignmentId) : null;
  const t = await getTranslations({ locale, namespace: "assignments" });
  return { title: assignment?.title ?? t("listTitle"), robots: { index: false } };
}

/**
 * `/{locale}/assignments/{id}`: an assignment for the members of its group: instructions, readings
 * (each a link into the reader), requirements and, for a student, their progress and (once released)
 * their grade and feedback; for the staff also
 * the progress table, its CSV, extensions, and closing, copying and deleting.
 */
export default async function AssignmentPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { assignmentId } = await params;
  const user = await requireUser(locale, `/${locale}/assignments/${encodeURIComponent(assignmentId)}`);
  const assignment = (await loadAssignment({ userId: user.id }, assignmentId)) ?? notFound();
  const staff = canOnAssignments(assignment.myRole, "assignment.manage");
  const [t, tStatus, tPrint] = await Promise.all([
    getTranslations({ locale, namespace: "assignments" }),
    getTranslations({ locale, namespace: "assignments.status" }),
    getTranslations({ locale, namespace: "assignments.print" }),
  ]);
  const mine = staff ? null : ((await loadProgress(assignment.id, user.id))[0] ?? null);
  const myGrades = staff ? null : await getGradeSheet({ userId: user.id }, assignment.id, user.id);
  const noticeKey = firstParam((await searchParams).notice);
  const notice = noticeKey ? await messageText(locale, "notices", noticeKey) : null;
  const zone = assignment.timeZone;
  return (
    <PageShell locale={locale} path={`/assignments/${assignment.id}`}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/groups/${assignment.groupId}/assignments`}>
          {t("backToList", { name: assignment.groupName })}
        </Link>
      </p>
      <h1>{assignment.title}</h1>
      {notice && <PageMessage kind="notice">{notice}</PageMessage>}
      <AssignmentMessages>
        <div className={pageStyles.ui}>
          <p>
            {t("opensOn")} <LocalTime iso={assignment.opensAt.toISOString()} zone={zone} />
            <br />
            {t("dueOn")} <LocalTime iso={(mine?.dueAt ?? assignment.dueAt).toISOString()} zone={zone} /> (
            <TimeLeft iso={(mine?.dueAt ?? assignment.dueAt).toISOString()} />)
            {mine?.extended && ` · ${t("extendedForYou")}`}
          </p>
          {assignment.closedAt && <p>{t("closedNotice")}</p>}
          {mine && <p>{t("yourStatus", { status: tStatus(mine.status) })}</p>}
          {!staff && assignment.discussionGroupSize !== null && (
            <p>
              {assignment.discussionMates === null
                ? t("notPlacedYet")
                : assignment.discussionMates.length === 0
                  ? t("yourDiscussionGroupAlone")
                  : t("yourDiscussionGroup", { names: assignment.discussionMates.join(", ") })}
            </p>
          )}
        </div>
        {assignment.instructionsHtml && (
          <section aria-labelledby="instructions-heading" className={styles.instructions}>
            <h2 id="instructions-heading">{t("instructionsHeading")}</h2>
            <div dangerouslySetInnerHTML={{ __html: assignment.instructionsHtml }} />
          </section>
        )}
        <section aria-labelledby="readings-heading" className={pageStyles.ui}>
          <h2 id="readings-heading">{t("readingsHeading")}</h2>
          <ol>
            {assignment.readings.map((r, i) => (
              <li key={i}>
                <Link href={sourcePath(locale, r.sourceSlug, r.firstSentence ?? undefined)}>
                  {locale === "pl" ? r.titlePl : r.titleEn}
                </Link>
                {": "}
                {r.firstSentence === null
                  ? t("wholeSource")
                  : t("sentenceRange", { first: r.firstSentence, last: r.lastSentence! })}
              </li>
            ))}
          </ol>
        </section>
        <section aria-labelledby="requirements-heading" className={pageStyles.ui}>
          <h2 id="requirements-heading">{t("requirementsHeading")}</h2>
          <RequirementList locale={locale} requirements={assignment} progress={mine ?? undefined} />
          <p className={styles.hint}>{t("countsHint")}</p>
        </section>
        {myGrades && <GradeSheetView locale={locale} sheet={myGrades} idPrefix="mine" />}
        {staff && <StaffPanel locale={locale} assignment={assignment} userId={user.id} />}
        {staff && (
          <ExportSection
            locale={locale}
            path={`/api/exports/assignments/${assignment.id}`}
            intro="assignmentIntro"
          />
        )}
        {staff && (
          <p className={pageStyles.ui}>
            <Link href={`/${locale}/assignments/${assignment.id}/print`}>{tPrint("link")}</Link>
          </p>
        )}
      </AssignmentMessages>
    </PageShell>
  );
}
