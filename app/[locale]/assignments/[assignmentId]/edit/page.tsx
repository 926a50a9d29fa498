import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canOnAssignments } from "@/lib/auth/policy";
import { findSourceChoices } from "@/lib/assignments/find-source-choices";
import { isLocale } from "@/lib/i18n/routing";
import { PageShell } from "../../../../_components/page-shell";
import { requireUser } from "../../../../_lib/require-user";
import { resolveLocale } from "../../../../_lib/resolve-locale";
import { updateAssignmentAction } from "../../actions";
import { AssignmentEditor } from "../../_components/assignment-editor";
import { loadAssignment } from "../../_components/load-assignment";
import pageStyles from "../../../../_components/account-page.module.css";

interface Props {
  params: Promise<{ locale: string; assignmentId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "assignments" });
  return { title: t("editTitle"), robots: { index: false } };
}

/** `/{locale}/assignments/{id}/edit`: the assignment's form, for its group's staff (404 for others). */
export default async function EditAssignmentPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { assignmentId } = await params;
  const user = await requireUser(locale, `/${locale}/assignments/${encodeURIComponent(assignmentId)}/edit`);
  const assignment = (await loadAssignment({ userId: user.id }, assignmentId)) ?? notFound();
  if (!canOnAssignments(assignment.myRole, "assignment.manage")) notFound();
  const [t, sources] = await Promise.all([
    getTranslations({ locale, namespace: "assignments" }),
    findSourceChoices(assignment.groupId),
  ]);
  return (
    <PageShell locale={locale} path={`/assignments/${assignment.id}/edit`}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/assignments/${assignment.id}`}>{t("backToAssignment")}</Link>
      </p>
      <h1>{t("editHeading", { title: assignment.title })}</h1>
      <AssignmentEditor
        locale={locale}
        action={updateAssignmentAction.bind(null, locale, assignment.id)}
        sources={sources}
        assignment={assignment}
        submitLabel={t("save")}
      />
    </PageShell>
  );
}
