import { handleRoute } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { createPermalink } from "@/lib/permalinks/create-permalink";

/** POST { source, editionNumber, start, end }: the passage's permalink `{ id, path }` (same passage, same id). */
export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const { id } = await createPermalink(await readJsonBody(request));
    return Response.json({ id, path: `/p/${id}` }, { status: 201 });
  });
}
