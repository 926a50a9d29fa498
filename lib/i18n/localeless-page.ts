import { isLocale } from "./routing.ts";

/**
 * The routes of app/ that live outside `/{locale}` and answer for themselves: everything else at the
 * top level is a page under a locale, or no page at all. (A unit test keeps this list in step with
 * the folders of app/.)
 */
export const UNLOCALIZED_ROUTES = ["api", "locale", "sign-out"] as const;

/**
 * Whether a request for `pathname` names a page without its language (`/join`, `/sources/x/3`,
 * `/compare`, `/`, or a path no page has): it is then sent to the same path under the visitor's
 * language, where the page is shown, or the 404 in that language. Paths under a locale, the
 * unlocalized routes, and Next's own files are left alone.
 */
export function isLocalelessPage(pathname: string): boolean {
  const first = pathname.split("/")[1] ?? "";
  if (isLocale(first)) return false;
  if (first.startsWith("_next")) return false;
  return !(UNLOCALIZED_ROUTES as readonly string[]).includes(first);
}
