import "server-only";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { getRevisableSource, type RevisableSource } from "@/lib/revisions/get-revisable-source";

/**
 * `getRevisableSource` for pages, as the signed-in user: null when there is no such source or they
 * may not revise it (the page then calls notFound(), so a source's existence is not revealed).
 */
export async function loadRevisableSource(slug: string): Promise<RevisableSource | null> {
  try {
    return await getRevisableSource(await getActor(), slug);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND") || isAppError(error, "FORBIDDEN")) return null;
    throw error;
  }
}
