import { env } from "@/lib/env";

/** The app's public origin for links sent by email: GLOSSA_PUBLIC_URL, else the request's own origin. */
export function publicUrl(path: string, requestOrigin?: string): string {
  const origin = env.GLOSSA_PUBLIC_URL ?? requestOrigin ?? `http://${env.GLOSSA_HOST}:${env.PORT}`;
  return new URL(path, origin).toString();
}
