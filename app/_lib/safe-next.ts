import { toSafeLocalPath } from "@/lib/i18n/to-safe-local-path";
import type { Locale } from "@/lib/i18n/routing";

/** Longest `next` path kept; a longer one is not a page of this site. */
const MAX_NEXT_LENGTH = 2000;

/**
 * Where to go after signing in or up: the `next` path if it is a path on this site, else the
 * library in the visitor's language. Never another site (see toSafeLocalPath).
 */
export function safeNext(value: unknown, locale: Locale): string {
  const path = typeof value === "string" && value.length <= MAX_NEXT_LENGTH ? toSafeLocalPath(value) : null;
  return path ?? `/${locale}`;
}

/**
 * The path of Auth.js's `callbackUrl` (an absolute URL on this site when Auth.js sends a visitor to
 * the sign-in page itself), as a `next` value. Only the path and query are kept, so it cannot lead
 * anywhere else.
 */
export function callbackPath(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, "http://glossa.invalid");
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}
