import "server-only";
import { cache } from "react";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { findSourceEditions, type SourceEditions } from "@/lib/sources/find-source-editions";

/**
 * `findSourceEditions` for pages, as the signed-in reader: null for an unknown slug or a group's
 * source the reader is not a member of (the page then calls notFound()). Cached per request, so a
 * page and its generateMetadata read the database once.
 */
export const loadSourceEditions = cache(async (slug: string): Promise<SourceEditions | null> => {
  try {
    return await findSourceEditions(slug, await getActor());
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return null;
    throw error;
  }
});
