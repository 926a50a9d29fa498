import { NextResponse, type NextRequest } from "next/server";
import { isLocalelessPage } from "@/lib/i18n/localeless-page";
import { redirectToDetectedLocale } from "./app/_lib/redirect-to-detected-locale";

/**
 * Runs before every page (not the API, not Next's files, not files with an extension):
 *
 * - A page named without a language (`/join`, `/sources/x/3`, `/`, …) is sent to the same path under
 *   the visitor's language (remembered choice, else the browser's), query kept: there it is shown, or
 *   the 404 in that language.
 */
export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  if (isLocalelessPage(pathname) && (request.method === "GET" || request.method === "HEAD")) {
    return redirectToDetectedLocale(request, pathname === "/" ? "" : pathname);
  }
  return NextResponse.next();
}

export const config = {
  // Not the API, not Next's own files, not a path with a dot in it (icon.svg, robots.txt…).
  matcher: ["/((?!api|_next|.*\\.).*)"],
};
