import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";

/** The locale a server action was bound to (it comes back from the browser, so it is checked). */
export function actionLocale(value: unknown): Locale {
  return isLocale(value) ? value : defaultLocale;
}
