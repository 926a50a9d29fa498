import "server-only";
import { headers } from "next/headers";

/**
 * The origin the visitor used (scheme and host, as a reverse proxy reports them), for links sent by
 * email when GLOSSA_PUBLIC_URL is not set.
 */
export async function requestOrigin(): Promise<string | undefined> {
  const list = await headers();
  const host = list.get("x-forwarded-host") ?? list.get("host");
  if (!host) return undefined;
  const proto = list.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}
