import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { PageShell } from "./page-shell";
import styles from "./not-found-view.module.css";

/** The localized "page not found" content with a way back to the library. */
export async function NotFoundView({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <PageShell locale={locale} path="">
      <div className={styles.notFound}>
        <p className={styles.code} aria-hidden="true">
          404
        </p>
        <h1>{t("title")}</h1>
        <p>{t("body")}</p>
        <p>
          <Link href={`/${locale}`}>{t("backToLibrary")}</Link>
        </p>
      </div>
    </PageShell>
  );
}
