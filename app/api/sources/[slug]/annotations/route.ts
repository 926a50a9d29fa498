import { getActor } from "@/lib/auth/get-current-user";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";

/**
 * GET: the annotations on a source the caller may read (their group's — `?group=<id>`, `?group=none`,
 * or by default their current group — and their personal notes), placed in the latest edition.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { slug } = await params;
    const group = new URL(request.url).searchParams.get("group") ?? undefined;
    const list = await listAnnotations(await getActor(), slug, group);
    return Response.json(list, { headers: PRIVATE_NO_STORE });
  });
}
