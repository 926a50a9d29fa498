import { getActor } from "@/lib/auth/get-current-user";
import { annotationListTag, listAnnotations } from "@/lib/annotations/list-annotations";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";

/**
 * GET: the annotations on a source the caller may read (their group's — `?group=<id>`, `?group=none`,
 * or by default their current group — and their personal notes), placed in the latest edition. With
 * `If-None-Match` holding the ETag of the list already shown, an unchanged list is a bodiless 304: the
 * reader polls for the group's new work without downloading thousands of annotations again.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { slug } = await params;
    const group = new URL(request.url).searchParams.get("group") ?? undefined;
    const actor = await getActor();
    const tag = await annotationListTag(actor, slug, group);
    const headers = { ...PRIVATE_NO_STORE, ETag: tag };
    if (request.headers.get("if-none-match") === tag) return new Response(null, { status: 304, headers });
    const list = await listAnnotations(actor, slug, group);
    return Response.json(list, { headers });
  });
}
