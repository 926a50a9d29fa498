import "server-only";
import { headers } from "next/headers";
import { readerOrigin } from "@/lib/http/request-client";

/**
 * The origin the visitor reached the app on, as Glossa's server found it from the connection (never
 * the Host header), for links shown to them; see publicUrl.
 */
export async function requestOrigin(): Promise<string | undefined> {
  return readerOrigin(await headers());
}
