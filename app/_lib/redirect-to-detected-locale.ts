import type { NextRequest } from "next/server";
import { detectLocale } from "@/lib/i18n/detect-locale";
import { LOCALE_COOKIE } from "@/lib/i18n/routing";

/**
 * A 307 from a locale-less path (`/sources/x/3`) to the same path under the visitor's locale, query
 * kept. The answer depends on the cookie and Accept-Language, so it must not be shared by caches.
 * For the proxy (proxy.ts): the Location is absolute there, and Next makes it relative again when it
 * names the request's own host.
 */
export function redirectToDetectedLocale(request: NextRequest, localelessPath: string): Response {
  const locale = detectLocale({
    cookie: request.cookies.get(LOCALE_COOKIE)?.value,
    acceptLanguage: request.headers.get("accept-language"),
  });
  return new Response(null, {
    status: 307,
    headers: {
      Location: new URL(`/${locale}${localelessPath}${request.nextUrl.search}`, request.nextUrl).href,
      "Cache-Control": "private, no-store",
      Vary: "Cookie, Accept-Language",
    },
  });
}
