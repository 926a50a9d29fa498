import type { Metadata } from "next";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { DocumentShell } from "../_components/document-shell";
import { resolveLocale } from "../_lib/resolve-locale";

interface LocaleLayoutProps {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}

// No generateStaticParams here: pages below read the database, which a build does not have.

export async function generateMetadata({ params }: Pick<LocaleLayoutProps, "params">): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) {
    // The layout itself answers 404 (app/not-found.tsx, in the default language): name that page.
    const t = await getTranslations({ locale: defaultLocale, namespace: "meta" });
    return { title: { absolute: `${t("notFoundTitle")} · ${t("siteName")}` } };
  }
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: { template: `%s · ${t("siteName")}`, default: t("siteName") },
    description: t("siteDescription"),
  };
}

/** The document for every localized page: <html lang={locale}>. */
export default async function LocaleLayout({ children, params }: LocaleLayoutProps) {
  const locale = await resolveLocale(params);
  return <DocumentShell locale={locale}>{children}</DocumentShell>;
}
