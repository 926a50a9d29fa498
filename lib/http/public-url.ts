import { env } from "@/lib/env";

/**
 * An absolute link to `path` on this app: on GLOSSA_PUBLIC_URL when it is set; else, for links shown
 * to the reader who asked (citations, permalinks, exports, invite links), on `readerOrigin`, the
 * address their connection reached (lib/http/request-client.ts, set by Glossa's server from the
 * socket); else on the address the app listens on. Never on a Host or X-Forwarded-Host header, which
 * a client sets: links in emails pass no reader origin at all (a forged one would send a password
 * reset token to someone else's site).
 */
export function publicUrl(path: string, readerOrigin?: string): string {
  const listening = `http://${env.GLOSSA_HOST === "0.0.0.0" ? "localhost" : env.GLOSSA_HOST}:${env.PORT}`;
  return new URL(path, env.GLOSSA_PUBLIC_URL ?? readerOrigin ?? listening).toString();
}

/**
 * The same link on the public address (publicUrl without a reader origin), its `callbackUrl`
 * parameter too when that pointed at the same site. For links that Auth.js builds from the request's
 * Host header and sends by email (sign-in links): a forged Host must not send someone's token to
 * another site.
 */
export function onPublicAddress(link: string): string {
  const url = new URL(link);
  const rebased = new URL(publicUrl(`${url.pathname}${url.search}`));
  const callback = url.searchParams.get("callbackUrl");
  if (callback !== null && URL.canParse(callback) && new URL(callback).origin === url.origin) {
    const target = new URL(callback);
    rebased.searchParams.set("callbackUrl", publicUrl(`${target.pathname}${target.search}${target.hash}`));
  }
  return rebased.toString();
}
