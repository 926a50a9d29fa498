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
