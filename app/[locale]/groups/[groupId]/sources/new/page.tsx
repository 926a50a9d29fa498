import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { canInGroup } from "@/lib/auth/policy";
import { isLocale } from "@/lib/i18n/routing";
import { NewSourcePage } from "../../../../../_components/sources/new-source-page";
import { loadGroup } from "../../../../../_lib/load-group";
import { requireUser } from "../../../../../_lib/require-user";
import { resolveLocale } from "../../../../../_lib/resolve-locale";
import { newSourceAction } from "./actions";

interface Props {
  params: Promise<{ locale: string; groupId: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "newSource" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * `/{locale}/groups/{groupId}/sources/new`: add a source to the group's library, for its instructors
 * and teaching assistants (404 for anyone else, students included).
 */
export default async function NewGroupSourcePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { groupId } = await params;
  const user = await requireUser(locale, `/${locale}/groups/${encodeURIComponent(groupId)}/sources/new`);
  const group = (await loadGroup({ userId: user.id }, groupId)) ?? notFound();
  if (!canInGroup(group.myRole, "source.create")) notFound();
  return (
    <NewSourcePage
      locale={locale}
      path={`/groups/${group.id}/sources/new`}
      group={{ id: group.id, name: group.name }}
      action={newSourceAction.bind(null, locale, group.id)}
    />
  );
}
