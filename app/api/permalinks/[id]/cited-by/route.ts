import { getActor } from "@/lib/auth/get-current-user";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";
import { findCitingAnnotations } from "@/lib/permalinks/find-citing-annotations";

/**
 * GET: `{ citedBy: [...] }`, the annotations and replies citing the passage that the caller may read
 * (none for an anonymous reader), newest first. 404 for a malformed or unknown id. The answer depends
 * on who asks: never stored by a cache.
 */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const citedBy = await findCitingAnnotations(await getActor(), (await params).id);
    return Response.json({ citedBy }, { headers: PRIVATE_NO_STORE });
  });
}
