import "server-only";
import { cache } from "react";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { resolvePermalink, type ResolvedPermalink } from "@/lib/permalinks/resolve-permalink";

/**
 * `resolvePermalink` for pages, as the signed-in reader: null for a malformed or unknown id (or one on a
 * group's source the reader may not see) (the page then calls notFound()).
 * Cached per request, so the page and its generateMetadata resolve it once.
 */
export const loadPermalink = cache(async (id: string): Promise<ResolvedPermalink | null> => {
  try {
    return await resolvePermalink(id, await getActor());
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return null;
    throw error;
  }
});
