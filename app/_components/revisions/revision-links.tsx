import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import type { Locale } from "@/lib/i18n/routing";
import { findRevisionLinks } from "@/lib/revisions/find-revision-links";

/** "Revise the text · Review annotations after revisions", for those who may (nothing for others). */
export async function RevisionLinks({ locale, slug }: { locale: Locale; slug: string }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const { revise, reviewGroupId } = await findRevisionLinks({ userId: user.id }, slug, user.currentGroupId);
  if (!revise && !reviewGroupId) return null;
  const t = await getTranslations({ locale, namespace: "reviseSource" });
  return (
    <p>
      {revise && <Link href={`/${locale}/sources/${slug}/revise`}>{t("revise")}</Link>}
      {revise && reviewGroupId && " · "}
      {reviewGroupId && (
        <Link href={`/${locale}/groups/${reviewGroupId}/sources/${slug}/review`}>{t("review")}</Link>
      )}
    </p>
  );
}
