import { NextResponse, type NextRequest } from "next/server";
import { isLocalelessPage } from "@/lib/i18n/localeless-page";
import { redirectToDetectedLocale } from "./app/_lib/redirect-to-detected-locale";
import {
  hasSessionCookie,
  hasSignedInHint,
  SIGNED_IN_HINT_COOKIE,
  SIGNED_IN_HINT_OPTIONS,
} from "./app/_lib/signed-in-hint";

/**
 * Runs before every page (not the API, not Next's files, not files with an extension):
 *
 * - A page named without a language (`/join`, `/sources/x/3`, `/`, …) is sent to the same path under
 *   the visitor's language (remembered choice, else the browser's), query kept: there it is shown, or
 *   the 404 in that language.
 * - Elsewhere it keeps the signed-in hint (app/_lib/signed-in-hint.ts) in step with the session
 *   cookie, so the page's scripts know before any request whether to fetch the reader's annotations.
 */
export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  if (isLocalelessPage(pathname) && (request.method === "GET" || request.method === "HEAD")) {
    return redirectToDetectedLocale(request, pathname === "/" ? "" : pathname);
  }
  const response = NextResponse.next();
  const signedIn = hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name));
  const hinted = hasSignedInHint(request.headers.get("cookie") ?? "");
  if (signedIn && !hinted) {
    response.cookies.set(SIGNED_IN_HINT_COOKIE, "1", SIGNED_IN_HINT_OPTIONS);
  } else if (!signedIn && hinted) {
    response.cookies.set(SIGNED_IN_HINT_COOKIE, "", { path: "/", maxAge: 0 });
  }
  return response;
}

export const config = {
  // Not the API, not Next's own files, not a path with a dot in it (icon.svg, robots.txt…).
  matcher: ["/((?!api|_next|.*\\.).*)"],
};
