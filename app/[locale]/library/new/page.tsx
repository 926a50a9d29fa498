import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { findAddableLibraries } from "@/lib/sources/find-addable-libraries";
import { NewSourcePage } from "../../../_components/sources/new-source-page";
import { requireUser } from "../../../_lib/require-user";
import { resolveLocale } from "../../../_lib/resolve-locale";
import { newSourceAction } from "../../groups/[groupId]/sources/new/actions";

interface Props {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "newSource" });
  return { title: t("headingPublic"), robots: { index: false } };
}

/** `/{locale}/library/new`: add a source to the public library, for site administrators (404 for others). */
export default async function NewPublicSourcePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const user = await requireUser(locale, `/${locale}/library/new`);
  const { publicLibrary } = await findAddableLibraries({ userId: user.id });
  if (!publicLibrary) notFound();
  return (
    <NewSourcePage
      locale={locale}
      path="/library/new"
      group={null}
      action={newSourceAction.bind(null, locale, null)}
    />
  );
}
