import { getActor } from "@/lib/auth/get-current-user";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";
import { readJsonBody } from "@/lib/http/read-json-body";

/** POST: a new annotation (see CreateAnnotationInput in lib/annotations/types.ts). */
export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const input = await readJsonBody(request);
    const view = await createAnnotation(await getActor(), input);
    return Response.json(view, { status: 201, headers: PRIVATE_NO_STORE });
  });
}
