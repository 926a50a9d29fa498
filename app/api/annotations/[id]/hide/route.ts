import { getActor } from "@/lib/auth/get-current-user";
import { hideAnnotation, unhideAnnotation } from "@/lib/annotations/hide-annotation";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";
import { assertSameOrigin, readJsonBody } from "@/lib/http/read-json-body";

type Context = { params: Promise<{ id: string }> };

/** POST { reason }: hide an annotation or reply from the group (instructors, teaching assistants). */
export function POST(request: Request, { params }: Context): Promise<Response> {
  return handleRoute(async () => {
    const input = await readJsonBody(request);
    return Response.json(await hideAnnotation(await getActor(), (await params).id, input), {
      headers: PRIVATE_NO_STORE,
    });
  });
}

/** DELETE: show it again. */
export function DELETE(request: Request, { params }: Context): Promise<Response> {
  return handleRoute(async () => {
    assertSameOrigin(request);
    return Response.json(await unhideAnnotation(await getActor(), (await params).id), {
      headers: PRIVATE_NO_STORE,
    });
  });
}
