import { clientAddress } from "@/lib/auth/client-address";
import { getActor } from "@/lib/auth/get-current-user";
import { handleRoute } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { countPermalinkCreation } from "@/lib/permalinks/creation-limit";
import { createPermalink } from "@/lib/permalinks/create-permalink";

/**
 * POST { source, editionNumber, start, end }: the passage's permalink `{ id, path }` (same passage, same
 * id). Rate-limited per user or address (lib/permalinks/creation-limit.ts): past it, 429 with Retry-After.
 */
export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const input = await readJsonBody(request);
    await countPermalinkCreation({ actor: await getActor(), address: clientAddress(request.headers) });
    const { id } = await createPermalink(input);
    return Response.json({ id, path: `/p/${id}` }, { status: 201 });
  });
}
