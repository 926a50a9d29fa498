import type { Metadata } from "next";
import Link from "next/link";
import { PendingReviews } from "../../../_components/revisions/pending-reviews";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canInGroup } from "@/lib/auth/policy";
import { getActor, getCurrentUser } from "@/lib/auth/get-current-user";
import { findGroups } from "@/lib/groups/find-groups";
import { isLocale } from "@/lib/i18n/routing";
import { ExportSection } from "../../../_components/export/export-section";
import { ActionForm } from "../../../_components/forms/action-form";
import { FormMessagesProvider } from "../../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../../_components/forms/submit-button";
import { PageMessage } from "../../../_components/page-message";
import { PageShell } from "../../../_components/page-shell";
import { loadGroup } from "../../../_lib/load-group";
import { firstParam, messageText } from "../../../_lib/message-text";
import { requireUser } from "../../../_lib/require-user";
import { resolveLocale } from "../../../_lib/resolve-locale";
import styles from "../../../_components/account-page.module.css";
import formStyles from "../../../_components/forms/forms.module.css";
import { makeCurrentGroupAction } from "../actions";
import { GroupDetailsForm } from "./group-details-form";
import { InvitePanel } from "./invite-panel";
import { LeaveGroup } from "./leave-group";
import { MembersTable } from "./members-table";

interface GroupPageProps {
  params: Promise<{ locale: string; groupId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: GroupPageProps): Promise<Metadata> {
  const { locale, groupId } = await params;
  if (!isLocale(locale)) return {};
  const group = (await getCurrentUser()) ? await loadGroup(await getActor(), groupId) : null;
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: group?.name ?? t("groupsTitle"), robots: { index: false } };
}

/**
 * `/{locale}/groups/{groupId}`: a group for its members. Everyone sees the members and may leave;
 * instructors and teaching assistants invite; instructors change roles, remove members and edit the
 * group. A group the user is not in is a 404, as if it did not exist.
 */
export default async function GroupPage({ params, searchParams }: GroupPageProps) {
  const locale = await resolveLocale(params);
  const { groupId } = await params;
  const user = await requireUser(locale, `/${locale}/groups/${encodeURIComponent(groupId)}`);
  const group = (await loadGroup({ userId: user.id }, groupId)) ?? notFound();
  const [t, tRoles, tNew] = await Promise.all([
    getTranslations({ locale, namespace: "group" }),
    getTranslations({ locale, namespace: "roles" }),
    getTranslations({ locale, namespace: "newSource" }),
  ]);
  const noticeKey = firstParam((await searchParams).notice);
  const notice = noticeKey ? await messageText(locale, "notices", noticeKey) : null;
  const isCurrent = user.currentGroupId === group.id;
  // Creating or joining another group does not switch the current one: say which one the reader uses.
  const currentGroup = isCurrent
    ? null
    : ((await findGroups({ userId: user.id })).find((g) => g.id === user.currentGroupId) ?? null);

  return (
    <PageShell locale={locale} path={`/groups/${group.id}`}>
      <p className={styles.ui}>
        <Link href={`/${locale}/groups`}>{t("backToGroups")}</Link>
      </p>
      <h1>{group.name}</h1>
      {notice && <PageMessage kind="notice">{notice}</PageMessage>}
      {group.term && <p className={styles.ui}>{t("term", { term: group.term })}</p>}
      {group.description && <p className={styles.description}>{group.description}</p>}
      <FormMessagesProvider>
        <div className={styles.ui}>
          <p>
            {t("yourRole", { role: tRoles(group.myRole) })}
            {isCurrent && ` · ${t("isCurrent")}`}
          </p>
          {!isCurrent && (
            <p>{currentGroup ? t("currentIsOther", { name: currentGroup.name }) : t("noCurrent")}</p>
          )}
          {!isCurrent && (
            <ActionForm action={makeCurrentGroupAction.bind(null, group.id)} className={formStyles.inline}>
              <SubmitButton variant="secondary">{t("makeCurrent")}</SubmitButton>
            </ActionForm>
          )}
        </div>

        <p className={styles.ui}>
          <Link href={`/${locale}/groups/${group.id}/assignments`}>{t("assignmentsLink")}</Link>
          {canInGroup(group.myRole, "source.create") && (
            <>
              {" · "}
              <Link href={`/${locale}/groups/${group.id}/sources/new`}>{tNew("addLink")}</Link>
            </>
          )}
        </p>
        <PendingReviews locale={locale} groupId={group.id} />
        <MembersTable locale={locale} group={group} userId={user.id} />
        {canInGroup(group.myRole, "group.invite") && <InvitePanel locale={locale} group={group} />}
        {canInGroup(group.myRole, "group.update") && <GroupDetailsForm locale={locale} group={group} />}
        {canInGroup(group.myRole, "group.export") && (
          <ExportSection locale={locale} path={`/api/exports/groups/${group.id}`} intro="groupIntro" />
        )}
        <LeaveGroup locale={locale} group={group} />
      </FormMessagesProvider>
    </PageShell>
  );
}
