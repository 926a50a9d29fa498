import { getActor } from "@/lib/auth/get-current-user";
import { annotationListUnlessUnchanged, listAnnotations } from "@/lib/annotations/list-annotations";
import { parseAnnotationIds } from "@/lib/annotations/schemas";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";

/**
 * GET: the annotations on a source the caller may read (their group's — `?group=<id>`, `?group=none`,
 * or by default their current group — and their personal notes), placed in the latest edition, with
 * their replies. `?ids=a,b,…` (at most 100): only those threads — the cards the reader's panel shows;
 * ids the caller may not read are left out. With `If-None-Match` holding the ETag of the whole list
 * already shown, an unchanged list is a bodiless 304.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { slug } = await params;
    const query = new URL(request.url).searchParams;
    const group = query.get("group") ?? undefined;
    const ids = query.has("ids") ? parseAnnotationIds(query.get("ids")) : undefined;
    const actor = await getActor();
    if (ids) {
      return Response.json(await listAnnotations(actor, slug, group, ids), { headers: PRIVATE_NO_STORE });
    }
    const { tag, list } = await annotationListUnlessUnchanged(
      actor,
      slug,
      group,
      request.headers.get("if-none-match"),
    );
    const headers = { ...PRIVATE_NO_STORE, ETag: tag };
    if (!list) return new Response(null, { status: 304, headers });
    return Response.json(list, { headers });
  });
}
