/**
 * The one same-origin rule, for route handlers (lib/http/route.ts), the plain-form routes, server
 * actions (proxy.ts) and the links a page builds for the visitor.
 */

/** The first value of a header a proxy may have sent as a comma-separated list. */
function firstValue(headers: Headers, name: string): string | undefined {
  return headers.get(name)?.split(",")[0]?.trim() || undefined;
}

/**
 * The origin (scheme and host) the visitor used, as a reverse proxy reports it (X-Forwarded-Host and
 * X-Forwarded-Proto), else the Host header with the scheme of `url` (the request's own URL; http when
 * there is none). Undefined when there is no host at all.
 */
export function visitorOrigin(headers: Headers, url?: string): string | undefined {
  const host = firstValue(headers, "x-forwarded-host") ?? headers.get("host") ?? undefined;
  const fallbackScheme = url ? new URL(url).protocol.slice(0, -1) : "http";
  const scheme = firstValue(headers, "x-forwarded-proto") ?? fallbackScheme;
  if (!host) return url ? new URL(url).origin : undefined;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return undefined;
  }
}

/**
 * Whether a state-changing request came from a page of this site, judged as browsers allow: a
 * Sec-Fetch-Site other than same-origin (or none: typed in, a bookmark) is refused, and so is an
 * Origin whose scheme or host differs from the visitor's origin (`visitorOrigin`), or the opaque
 * "null". A request with neither header (an old browser, a script) passes: it cannot carry another
 * site's page's intent, and the session cookie is SameSite=Lax besides.
 */
export function isSameOrigin(headers: Headers, url?: string): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = headers.get("origin");
  if (origin === null) return true;
  const own = visitorOrigin(headers, url);
  if (!own) return false;
  try {
    return new URL(origin).origin === own;
  } catch {
    return false;
  }
}
