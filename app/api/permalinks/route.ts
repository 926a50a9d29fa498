import { clientAddress } from "@/lib/auth/client-address";
import { route } from "@/lib/http/route";
import { countPermalinkCreation } from "@/lib/permalinks/creation-limit";
import { createPermalink } from "@/lib/permalinks/create-permalink";

/**
 * POST { source, editionNumber, start, end }: the passage's permalink `{ id, path }` (same passage, same
 * id). Rate-limited per user or address (lib/permalinks/creation-limit.ts): past it, 429 with Retry-After.
 */
export const POST = route(
  { caller: "anyone", body: "json", status: 201 },
  async ({ request, actor, body }) => {
    await countPermalinkCreation({ actor, address: clientAddress(request.headers) });
    const { id } = await createPermalink(body);
    return { id, path: `/p/${id}` };
  },
);
