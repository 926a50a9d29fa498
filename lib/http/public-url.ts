import { env } from "@/lib/env";

/**
 * An absolute link to `path` on this app. Links in emails must use this without `requestOrigin`:
 * GLOSSA_PUBLIC_URL, else the address the app listens on, never a Host header a client could forge
 * (which would send a password reset token to someone else's site). Links shown to the visitor who
 * asked may pass the request's own origin.
 */
export function publicUrl(path: string, requestOrigin?: string): string {
  const listening = `http://${env.GLOSSA_HOST === "0.0.0.0" ? "localhost" : env.GLOSSA_HOST}:${env.PORT}`;
  return new URL(path, env.GLOSSA_PUBLIC_URL ?? requestOrigin ?? listening).toString();
}
