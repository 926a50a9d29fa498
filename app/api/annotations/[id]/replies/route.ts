import { getActor } from "@/lib/auth/get-current-user";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";
import { readJsonBody } from "@/lib/http/read-json-body";

/** POST: reply to an annotation's thread. */
export function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const input = await readJsonBody(request);
    const view = await replyToAnnotation(await getActor(), (await params).id, input);
    return Response.json(view, { status: 201, headers: PRIVATE_NO_STORE });
  });
}
