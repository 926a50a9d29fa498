import "server-only";
import { headers } from "next/headers";
import { visitorOrigin } from "@/lib/http/same-origin";

/**
 * The origin the visitor used (scheme and host, as a reverse proxy reports them), for links sent by
 * email when GLOSSA_PUBLIC_URL is not set.
 */
export async function requestOrigin(): Promise<string | undefined> {
  return visitorOrigin(await headers());
}
