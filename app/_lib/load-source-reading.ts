import "server-only";
import { cache } from "react";
import { getActor } from "@/lib/auth/get-current-user";
import { isAppError } from "@/lib/http/errors";
import { getSourceReading } from "@/lib/sources/get-source-reading";
import type { SourceReading } from "@/lib/sources/types";

/**
 * `getSourceReading` for pages, as the signed-in reader (the latest edition, or edition
 * `editionNumber`): null for an unknown slug or edition, or a group's source the reader is not a member of (the page then calls notFound(), which renders the localized 404). Cached per
 * request, so a page and its generateMetadata read the database once.
 */
export const loadSourceReading = cache(
  async (slug: string, editionNumber?: number): Promise<SourceReading | null> => {
    try {
      return await getSourceReading(slug, await getActor(), editionNumber);
    } catch (error) {
      if (isAppError(error, "NOT_FOUND")) return null;
      throw error;
    }
  },
);
