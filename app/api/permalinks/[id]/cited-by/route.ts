import { z } from "zod";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";
import { findCitingAnnotations } from "@/lib/permalinks/find-citing-annotations";

/**
 * GET: `{ citedBy: [...] }`, the annotations and replies citing the passage that the caller may read
 * (none for an anonymous reader), newest first. 404 for a malformed or unknown id. The answer depends
 * on who asks: never stored by a cache.
 */
export const GET = route(
  { caller: "anyone", params: z.object({ id: idSegment("permalinkNotFound") }) },
  async ({ actor, params }) => ({ citedBy: await findCitingAnnotations(actor, params.id) }),
);
