import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { findMyAssignments } from "@/lib/assignments/find-my-assignments";
import { isLocale } from "@/lib/i18n/routing";
import { PageShell } from "../../_components/page-shell";
import { requireUser } from "../../_lib/require-user";
import { resolveLocale } from "../../_lib/resolve-locale";
import { sourcePath } from "../../_lib/source-path";
import { AssignmentMessages } from "../assignments/_components/assignment-messages";
import { GradeSheetView } from "../assignments/_components/grade-sheet-view";
import { LocalTime, TimeLeft } from "../assignments/_components/local-time";
import { RequirementList } from "../assignments/_components/requirement-list";
import pageStyles from "../../_components/account-page.module.css";
import styles from "../assignments/_components/assignments.module.css";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "assignments" });
  return { title: t("myWorkTitle"), robots: { index: false } };
}

/**
 * `/{locale}/my-work`: a student's assignments in every group, soonest due first, each with its
 * status, the time left (in the reader's zone), a link that opens the reader on the first assigned
 * passage, their progress against each requirement and, once released, their grade and feedback.
 */
export default async function MyWorkPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await requireUser(locale, `/${locale}/my-work`);
  const [assignments, t, tStatus] = await Promise.all([
    findMyAssignments({ userId: user.id }),
    getTranslations({ locale, namespace: "assignments" }),
    getTranslations({ locale, namespace: "assignments.status" }),
  ]);
  return (
    <PageShell locale={locale} path="/my-work">
      <h1>{t("myWorkHeading")}</h1>
      <AssignmentMessages>
        {assignments.length === 0 ? (
          <p className={pageStyles.ui}>{t("myWorkNone")}</p>
        ) : (
          <ul className={styles.list}>
            {assignments.map((a) => (
              <li key={a.id}>
                <h2>
                  <Link href={`/${locale}/assignments/${a.id}`}>{a.title}</Link>
                </h2>
                <p>
                  {a.groupName} · {t("yourStatus", { status: tStatus(a.progress.status) })}
                  {a.closedAt && ` · ${t("closed")}`}
                </p>
                <p>
                  {t("dueOn")} <LocalTime iso={a.progress.dueAt.toISOString()} zone="UTC" /> (
                  <TimeLeft iso={a.progress.dueAt.toISOString()} />)
                </p>
                <RequirementList locale={locale} requirements={a.requirements} progress={a.progress} />
                {a.grades && (
                  <GradeSheetView locale={locale} sheet={a.grades} idPrefix={a.id} headingLevel={3} />
                )}
                {a.firstReading && (
                  <p>
                    <Link
                      href={sourcePath(
                        locale,
                        a.firstReading.sourceSlug,
                        a.firstReading.firstSentence ?? undefined,
                      )}
                    >
                      {t("openReading", { title: a.title })}
                    </Link>
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </AssignmentMessages>
    </PageShell>
  );
}
