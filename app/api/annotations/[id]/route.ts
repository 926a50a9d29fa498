import { getActor } from "@/lib/auth/get-current-user";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";
import { assertSameOrigin, readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ id: string }> };

/** PATCH: change the caller's own annotation or reply. */
export function PATCH(request: Request, { params }: Context): Promise<Response> {
  return handleRoute(async () => {
    const input = await readJsonBody(request);
    const view = await updateAnnotation(await getActor(), (await params).id, input);
    return Response.json(view, { headers: PRIVATE_NO_STORE });
  });
}

/** DELETE: remove the caller's own annotation or reply (a tombstone if it has replies). */
export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handleRoute(async () => {
    assertSameOrigin(request);
    const result = await deleteAnnotation(await getActor(), (await params).id);
    return Response.json(result, { headers: PRIVATE_NO_STORE });
  });
}
