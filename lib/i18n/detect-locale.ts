import { defaultLocale, isLocale, type Locale } from "./routing.ts";

interface LocaleHints {
  /** Value of the NEXT_LOCALE cookie, if any. */
  cookie?: string | null;
  /** The Accept-Language request header, if any. */
  acceptLanguage?: string | null;
}

/**
 * The interface language for a request that names none in its path: the remembered choice (cookie)
 * if valid, else the best match from Accept-Language (by q-value, then order; `pl-PL` matches `pl`),
 * else Polish. Pure, so every locale-less entry point (`/`, `/sources/…`, `/compare`) decides alike.
 */
export function detectLocale({ cookie, acceptLanguage }: LocaleHints): Locale {
  if (isLocale(cookie)) return cookie;
  for (const tag of preferredLanguageTags(acceptLanguage ?? "")) {
    const primary = tag.split("-")[0];
    if (isLocale(primary)) return primary;
  }
  return defaultLocale;
}

/** Language tags from an Accept-Language header, most preferred first, refused ones (q=0) left out. */
function preferredLanguageTags(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().toLowerCase().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam === undefined ? 1 : Number(qParam.slice(2));
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map((entry) => entry.tag);
}
