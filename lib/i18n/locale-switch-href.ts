import type { Locale } from "./routing.ts";

/**
 * The link that switches the interface to `to` and then shows `path` (a locale-less path such as
 * `/sources/kuty-directive/3`, possibly with a query) in that language. It goes through `/locale`,
 * which remembers the choice in a cookie, so it works without JavaScript.
 */
export function localeSwitchHref(to: Locale, path: string): string {
  const next = `/${to}${path}`;
  return `/locale?${new URLSearchParams({ to, next }).toString()}`;
}
