import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnAssignments } from "@/lib/auth/policy";
import { findSourceChoices } from "@/lib/assignments/find-source-choices";
import { isLocale } from "@/lib/i18n/routing";
import { PageShell } from "../../../../../_components/page-shell";
import { loadGroup } from "../../../../../_lib/load-group";
import { requireUser } from "../../../../../_lib/require-user";
import { resolveLocale } from "../../../../../_lib/resolve-locale";
import { createAssignmentAction } from "../../../../assignments/actions";
import { AssignmentEditor } from "../../../../assignments/_components/assignment-editor";
import pageStyles from "../../../../../_components/account-page.module.css";

interface Props {
  params: Promise<{ locale: string; groupId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "assignments" });
  return { title: t("newTitle"), robots: { index: false } };
}

/** `/{locale}/groups/{groupId}/assignments/new`: a new assignment, for the group's staff (404 for others). */
export default async function NewAssignmentPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { groupId } = await params;
  const user = await requireUser(locale, `/${locale}/groups/${encodeURIComponent(groupId)}/assignments/new`);
  const group = (await loadGroup({ userId: user.id }, groupId)) ?? notFound();
  if (!canOnAssignments(group.myRole, "assignment.manage")) notFound();
  const [t, sources] = await Promise.all([
    getTranslations({ locale, namespace: "assignments" }),
    findSourceChoices(group.id),
  ]);
  return (
    <PageShell locale={locale} path={`/groups/${group.id}/assignments/new`}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/groups/${group.id}/assignments`}>
          {t("backToList", { name: group.name })}
        </Link>
      </p>
      <h1>{t("newHeading", { name: group.name })}</h1>
      <AssignmentEditor
        locale={locale}
        action={createAssignmentAction.bind(null, locale, group.id)}
        sources={sources}
        submitLabel={t("create")}
      />
    </PageShell>
  );
}
