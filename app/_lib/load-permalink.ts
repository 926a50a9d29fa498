import "server-only";
import { cache } from "react";
import { isAppError } from "@/lib/http/errors";
import { resolvePermalink, type ResolvedPermalink } from "@/lib/permalinks/resolve-permalink";

/**
 * `resolvePermalink` for pages: null for a malformed or unknown id (the page then calls notFound()).
 * Cached per request, so the page and its generateMetadata resolve it once.
 */
export const loadPermalink = cache(async (id: string): Promise<ResolvedPermalink | null> => {
  try {
    return await resolvePermalink(id);
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return null;
    throw error;
  }
});
