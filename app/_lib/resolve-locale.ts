import "server-only";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale, type Locale } from "@/lib/i18n/routing";

/**
 * The locale of a `[locale]` route, registered with next-intl for this request so the page can be
 * rendered statically. An unknown locale segment (`/xx/…`) is a 404.
 */
export async function resolveLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}
