import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import type { Locale } from "@/lib/i18n/routing";
import { canAddTranslation } from "@/lib/sources/can-add-translation";

/**
 * "Add a translation", and "Revise or remove the translation" when the source has one (the form
 * starts from it), in the reader's source record, for those who may (nothing for others).
 */
export async function AddTranslationLink({
  locale,
  slug,
  hasTranslation,
}: {
  locale: Locale;
  slug: string;
  hasTranslation: boolean;
}) {
  const user = await getCurrentUser();
  if (!user || !(await canAddTranslation({ userId: user.id }, slug))) return null;
  const t = await getTranslations({ locale, namespace: "newTranslation" });
  const base = `/${locale}/sources/${slug}/translations/new`;
  return (
    <p>
      <Link href={base}>{t("addLink")}</Link>
      {hasTranslation && (
        <>
          {" · "}
          <Link href={`${base}?revise=1`}>{t("reviseLink")}</Link>
        </>
      )}
    </p>
  );
}
