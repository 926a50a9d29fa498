import "server-only";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { getTranslatableSource, type TranslatableSource } from "@/lib/sources/get-translatable-source";

/**
 * `getTranslatableSource` for pages, as the signed-in user: null when there is no such source or they
 * may not add a translation to it (the page then calls notFound(), so a source's existence is not
 * revealed), as the revise page does.
 */
export async function loadTranslatableSource(slug: string): Promise<TranslatableSource | null> {
  try {
    return await getTranslatableSource(await getActor(), slug);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND") || isAppError(error, "FORBIDDEN")) return null;
    throw error;
  }
}
