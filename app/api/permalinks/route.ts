import { clientAddress } from "@/lib/auth/client-address";
import { route } from "@/lib/http/route";
import { countPermalinkCreation } from "@/lib/permalinks/creation-limit";
import { createPermalink } from "@/lib/permalinks/create-permalink";

/**
 * POST { source, editionNumber, start, end }: the passage's permalink `{ id, path, start, end }` (same
 * passage, same id), with the range widened to whole words. 201 when this request made it, 200 when it
 * existed. Rate-limited per user or address (lib/permalinks/creation-limit.ts): past it, 429 with
 * Retry-After.
 */
export const POST = route({ caller: "anyone", body: "json" }, async ({ request, actor, body }) => {
  await countPermalinkCreation({ actor, address: clientAddress(request.headers) });
  const { id, created, start, end } = await createPermalink(body, actor);
  return Response.json({ id, path: `/p/${id}`, start, end }, { status: created ? 201 : 200 });
});
