import { getActor } from "@/lib/auth/get-current-user";
import { annotationListUnlessUnchanged, listAnnotations } from "@/lib/annotations/list-annotations";
import { annotationPageUnlessUnchanged } from "@/lib/annotations/list-page";
import { parseAnnotationIds, parseAnnotationPage } from "@/lib/annotations/schemas";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";

/**
 * GET: the annotations on a source the caller may read (their group's — `?group=<id>`, `?group=none`,
 * or by default their current group — and their personal notes), placed in the latest edition, with
 * their replies. `?ids=a,b,…` (at most 100): only those threads — the cards the reader's panel shows;
 * ids the caller may not read are left out. `?limit=N` (1–200) `[&after=<cursor>]`: one page of them
 * in creation order (lib/annotations/list-page.ts), with `next` (the cursor of the following page, or
 * null) and a `Link: <…>; rel="next"` header. With `If-None-Match` holding the ETag of the whole list
 * (or of the same page) already shown, an unchanged one is a bodiless 304.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { slug } = await params;
    const url = new URL(request.url);
    const query = url.searchParams;
    const group = query.get("group") ?? undefined;
    const page = parseAnnotationPage(query);
    const ids = query.has("ids") ? parseAnnotationIds(query.get("ids")) : undefined;
    const actor = await getActor();
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ids) {
      return Response.json(await listAnnotations(actor, slug, group, ids), { headers: PRIVATE_NO_STORE });
    }
    if (page) {
      const found = await annotationPageUnlessUnchanged(actor, slug, { group, ...page }, ifNoneMatch);
      const headers: Record<string, string> = { ...PRIVATE_NO_STORE, ETag: found.tag };
      if (!found.page) return new Response(null, { status: 304, headers });
      if (found.page.next) headers.Link = `<${nextPageUrl(url, found.page.next)}>; rel="next"`;
      return Response.json(found.page, { headers });
    }
    const { tag, list } = await annotationListUnlessUnchanged(actor, slug, group, ifNoneMatch);
    const headers = { ...PRIVATE_NO_STORE, ETag: tag };
    if (!list) return new Response(null, { status: 304, headers });
    return Response.json(list, { headers });
  });
}

/** The same request's path and query with `after` moved on: relative, never built from the Host header. */
function nextPageUrl(url: URL, next: string): string {
  const query = new URLSearchParams(url.search);
  query.set("after", next);
  return `${url.pathname}?${query}`;
}
