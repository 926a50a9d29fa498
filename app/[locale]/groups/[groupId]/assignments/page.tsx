import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnAssignments } from "@/lib/auth/policy";
import { findGroupAssignments } from "@/lib/assignments/find-group-assignments";
import { isLocale } from "@/lib/i18n/routing";
import { PageMessage } from "../../../../_components/page-message";
import { PageShell } from "../../../../_components/page-shell";
import { loadGroup } from "../../../../_lib/load-group";
import { firstParam, messageText } from "../../../../_lib/message-text";
import { requireUser } from "../../../../_lib/require-user";
import { resolveLocale } from "../../../../_lib/resolve-locale";
import { AssignmentMessages } from "../../../assignments/_components/assignment-messages";
import { LocalTime } from "../../../assignments/_components/local-time";
import styles from "../../../assignments/_components/assignments.module.css";
import pageStyles from "../../../../_components/account-page.module.css";

interface Props {
  params: Promise<{ locale: string; groupId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "assignments" });
  return { title: t("listTitle"), robots: { index: false } };
}

/** `/{locale}/groups/{groupId}/assignments`: a group's assignments for its members; staff add new ones. */
export default async function GroupAssignmentsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { groupId } = await params;
  const user = await requireUser(locale, `/${locale}/groups/${encodeURIComponent(groupId)}/assignments`);
  const group = (await loadGroup({ userId: user.id }, groupId)) ?? notFound();
  const assignments = await findGroupAssignments({ userId: user.id }, group.id);
  const t = await getTranslations({ locale, namespace: "assignments" });
  const noticeKey = firstParam((await searchParams).notice);
  const notice = noticeKey ? await messageText(locale, "notices", noticeKey) : null;
  return (
    <PageShell locale={locale} path={`/groups/${group.id}/assignments`}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/groups/${group.id}`}>{t("backToGroup", { name: group.name })}</Link>
      </p>
      <h1>{t("listHeading", { name: group.name })}</h1>
      {notice && <PageMessage kind="notice">{notice}</PageMessage>}
      {canOnAssignments(group.myRole, "assignment.manage") && (
        <p className={pageStyles.ui}>
          <Link href={`/${locale}/groups/${group.id}/assignments/new`}>{t("newAssignment")}</Link>
        </p>
      )}
      <AssignmentMessages>
        {assignments.length === 0 ? (
          <p className={pageStyles.ui}>{t("noneYet")}</p>
        ) : (
          <ul className={styles.list}>
            {assignments.map((a) => (
              <li key={a.id}>
                <Link href={`/${locale}/assignments/${a.id}`}>{a.title}</Link>
                <br />
                {t("dueOn")} <LocalTime iso={a.dueAt.toISOString()} zone={a.timeZone} />
                {" · "}
                {t("readingCount", { count: a.readings })}
                {a.closedAt && ` · ${t("closed")}`}
              </li>
            ))}
          </ul>
        )}
      </AssignmentMessages>
    </PageShell>
  );
}
