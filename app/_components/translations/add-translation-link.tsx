import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import type { Locale } from "@/lib/i18n/routing";
import { canAddTranslation } from "@/lib/sources/can-add-translation";

/** "Add a translation", in the reader's source record, for those who may (nothing for others). */
export async function AddTranslationLink({ locale, slug }: { locale: Locale; slug: string }) {
  const user = await getCurrentUser();
  if (!user || !(await canAddTranslation({ userId: user.id }, slug))) return null;
  const t = await getTranslations({ locale, namespace: "newTranslation" });
  return (
    <p>
      <Link href={`/${locale}/sources/${slug}/translations/new`}>{t("addLink")}</Link>
    </p>
  );
}
