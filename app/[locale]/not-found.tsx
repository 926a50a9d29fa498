import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { NotFoundView } from "../_components/not-found-view";

/** The locale registered (setRequestLocale) by the page or layout that called notFound(). */
async function currentLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : defaultLocale;
}

// Metadata is resolved apart from the page render, before any setRequestLocale: use the segment's params.
export async function generateMetadata({
  params,
}: {
  params: Promise<{ locale: string }>;
}): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : defaultLocale, namespace: "meta" });
  return { title: { absolute: `${t("notFoundTitle")} · ${t("siteName")}` } };
}

/** The localized 404 for unknown sources, sentences and paths under /{locale}. */
export default async function LocaleNotFound() {
  return <NotFoundView locale={await currentLocale()} />;
}
