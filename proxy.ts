import { NextResponse, type NextRequest } from "next/server";
import { isSameOrigin } from "@/lib/http/same-origin";
import { securityHeaders } from "@/lib/http/security-headers.js";
import { detectLocale } from "@/lib/i18n/detect-locale";
import { isLocalelessPage } from "@/lib/i18n/localeless-page";
import en from "@/lib/i18n/messages/en.json";
import pl from "@/lib/i18n/messages/pl.json";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/routing";
import { redirectToDetectedLocale } from "./app/_lib/redirect-to-detected-locale";
import {
  hasSessionCookie,
  hasSignedInHint,
  SIGNED_IN_HINT_COOKIE,
  SIGNED_IN_HINT_OPTIONS,
} from "./app/_lib/signed-in-hint";

/*
 * What must be decided before Next routes a request, because Next's own answer would be wrong or
 * too late:
 * - a path with a broken percent-encoding (`/en/%ff`): Next answers 400 with its bare error page,
 *   without the security headers (no header rule matches a path it cannot decode); here it gets a
 *   400 page of ours, in the visitor's language, with them;
 * - a server action posted from another site: Next refuses it with a 500; here it is 403, by the
 *   same-origin rule the route handlers use (lib/http/same-origin.ts). A page takes a POST for an
 *   action only (with a Next-Action header, or a plain form without JavaScript), so every POST
 *   outside /api/ counts; route handlers check their own (lib/http/route.ts), and Auth.js's under
 *   /api/auth must take providers' cross-site form posts;
 * - a page named without a language (`/join`, `/sources/x/3`, `/`, …) is sent to the same path under
 *   the visitor's language (remembered choice, else the browser's), query kept: there it is shown, or
 *   the 404 in that language;
 * - elsewhere on pages it keeps the signed-in hint (app/_lib/signed-in-hint.ts) in step with the
 *   session cookie, so the page's scripts know before any request whether to fetch the reader's
 *   annotations.
 * - a path ending in "/" is sent to the same path without it (308), as Next itself would do, but for
 *   the Web Annotation Protocol's containers under /api/protocol/, whose IRIs end in "/"
 *   (next.config.js turns Next's own redirect off for them);
 * Everything else goes on untouched.
 */
export function proxy(request: NextRequest): Response {
  const { pathname } = request.nextUrl;
  if (!isDecodable(pathname)) return badAddressPage(request);
  if (pathname.length > 1 && pathname.endsWith("/") && !pathname.startsWith("/api/protocol/")) {
    // A plain URL (NextURL would put the trailing "/" it was read with back on), on this origin: a
    // path starting "//" is collapsed, or it would name another site.
    const target = `/${pathname.slice(0, -1).replace(/^\/+/u, "")}${request.nextUrl.search}`;
    return NextResponse.redirect(new URL(target, request.url), 308);
  }
  if (isActionPost(request) && !isSameOrigin(request.headers, request.url)) {
    return Response.json(
      { error: { code: "FORBIDDEN", message: "crossSiteRequest", details: null } },
      { status: 403, headers: headersOf({ "Cache-Control": "no-store" }) },
    );
  }
  if (!isPage(pathname)) return NextResponse.next();
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

/** A page, not the API, Next's own files or a file with an extension (robots.txt…). */
function isPage(pathname: string): boolean {
  return !/^\/(api|_next)(\/|$)/u.test(pathname) && !/\.[^/]*$/u.test(pathname);
}

export const config = {
  // Not Next's own files (built assets, images) nor the fonts and icon: they are never actions, and
  // their paths are Next's to decode.
  matcher: ["/((?!_next/static|_next/image|fonts/|icon.svg|favicon.ico).*)"],
};

function isActionPost(request: NextRequest): boolean {
  return request.method === "POST" && !request.nextUrl.pathname.startsWith("/api/");
}

function isDecodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function headersOf(extra: Record<string, string>): Headers {
  const headers = new Headers(extra);
  for (const { key, value } of securityHeaders(process.env.NODE_ENV === "development"))
    headers.set(key, value);
  return headers;
}

const MESSAGES: Record<Locale, typeof en.badAddress> = { pl: pl.badAddress, en: en.badAddress };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A small page of its own (no layout: the path cannot be routed), in the visitor's language. */
function badAddressPage(request: NextRequest): Response {
  const first = request.nextUrl.pathname.split("/")[1];
  const locale = isLocale(first)
    ? first
    : detectLocale({
        cookie: request.cookies.get(LOCALE_COOKIE)?.value,
        acceptLanguage: request.headers.get("accept-language"),
      });
  const text = MESSAGES[locale];
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(text.title)}</title></head>
<body><main><h1>${escapeHtml(text.title)}</h1><p>${escapeHtml(text.body)}</p>
<p><a href="/${locale}">${escapeHtml(text.backToLibrary)}</a></p></main></body></html>`;
  return new Response(html, {
    status: 400,
    headers: headersOf({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" }),
  });
}
