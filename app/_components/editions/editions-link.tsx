import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { loadSourceEditions } from "../../_lib/load-source-editions";
import { editionsPath } from "./editions-path";

/** "Editions and changes (3)" in the source's record, once a source has more than one edition. */
export async function EditionsLink({ locale, slug }: { locale: Locale; slug: string }) {
  const source = await loadSourceEditions(slug);
  if (!source || source.editions.length < 2) return null;
  const t = await getTranslations({ locale, namespace: "editions" });
  return (
    <p>
      <Link href={`/${locale}${editionsPath(source.slug)}`}>
        {t("sourceLink", { count: source.editions.length })}
      </Link>
    </p>
  );
}
