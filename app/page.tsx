import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { detectLocale } from "@/lib/i18n/detect-locale";
import { LOCALE_COOKIE } from "@/lib/i18n/routing";

/** `/` sends a visitor to the library in their language: remembered choice, browser, or Polish. */
export default async function RootPage() {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = detectLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerList.get("accept-language"),
  });
  redirect(`/${locale}`);
}
