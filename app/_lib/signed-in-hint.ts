/**
 * A hint, readable by the page's scripts, that the reader has a session: pages are cached and the
 * same for everyone, and Auth.js's session cookie is HttpOnly, so without it a page could only learn
 * whether to ask for the reader's annotations by asking (an anonymous reader then gets a 401 per
 * source). The proxy (proxy.ts) keeps the hint in step with the session cookie on every page request;
 * it says nothing about who the reader is, and the server decides every request on the session alone.
 */
export const SIGNED_IN_HINT_COOKIE = "glossa-signed-in";

/**
 * How the hint is set: for the whole site, as long as a session lasts (lib/auth/auth.ts; it is
 * renewed or ended on every page anyway), readable by scripts, and never sent to other sites.
 */
export const SIGNED_IN_HINT_OPTIONS = {
  path: "/",
  sameSite: "lax",
  maxAge: 30 * 24 * 60 * 60,
  httpOnly: false,
} as const;

/** Auth.js's session cookie: `__Secure-` on HTTPS, split into `.0`, `.1`… when large. */
const SESSION_COOKIE = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?$/u;

/** Whether a request carries a session cookie (valid or not: Auth.js ends one it cannot read). */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) if (SESSION_COOKIE.test(name)) return true;
  return false;
}

/** Whether a `document.cookie` string carries the hint. */
export function hasSignedInHint(documentCookie: string): boolean {
  return documentCookie.split(";").some((pair) => pair.trim().startsWith(`${SIGNED_IN_HINT_COOKIE}=`));
}
