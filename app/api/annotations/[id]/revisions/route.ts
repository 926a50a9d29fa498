import { getActor } from "@/lib/auth/get-current-user";
import { listRevisions } from "@/lib/annotations/list-revisions";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";

/** GET: the earlier versions of an annotation or reply the caller reads. */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => {
    return Response.json(await listRevisions(await getActor(), (await params).id), {
      headers: PRIVATE_NO_STORE,
    });
  });
}
