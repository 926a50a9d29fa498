import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { PageShell } from "../../../_components/page-shell";
import { resolveLocale } from "../../../_lib/resolve-locale";
import styles from "../../../_components/account-page.module.css";

interface CheckEmailPageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: CheckEmailPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("checkEmailTitle"), robots: { index: false } };
}

/** `/{locale}/sign-in/check-email`: after an emailed sign-in link was requested. */
export default async function CheckEmailPage({ params }: CheckEmailPageProps) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "checkEmail" });
  return (
    <PageShell locale={locale} path="/sign-in/check-email">
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      <p className={styles.intro}>{t("notReceived")}</p>
      <p className={styles.ui}>
        <Link href={`/${locale}/sign-in`}>{t("back")}</Link>
      </p>
    </PageShell>
  );
}
