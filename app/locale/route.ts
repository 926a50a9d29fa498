import { NextResponse, type NextRequest } from "next/server";
import { parseLocaleSwitch } from "@/lib/i18n/parse-locale-switch";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/routing";

/**
 * The language switch: `/locale?to=en&next=/en/sources/x` remembers the choice in the NEXT_LOCALE
 * cookie and sends the visitor on (303). A plain link, so it works without JavaScript. `next` must be
 * a path on this site; anything else falls back to the chosen language's library.
 */
export function GET(request: NextRequest): Response {
  const target = parseLocaleSwitch(request.nextUrl.searchParams);
  if (!target) {
    return new Response("Unknown language. Choose pl or en. / Nieznany język. Wybierz pl lub en.", {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  // A relative Location keeps the visitor on whatever host and scheme they used.
  const response = new NextResponse(null, {
    status: 303,
    headers: { Location: target.next, "Cache-Control": "no-store" },
  });
  response.cookies.set(LOCALE_COOKIE, target.to, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
  });
  return response;
}
