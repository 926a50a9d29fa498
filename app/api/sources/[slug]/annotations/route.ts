import { z } from "zod";
import { annotationListUnlessUnchanged, listAnnotations } from "@/lib/annotations/list-annotations";
import { annotationPageUnlessUnchanged } from "@/lib/annotations/list-page";
import { parseAnnotationIds, parseAnnotationPage } from "@/lib/annotations/schemas";
import { SlugSegment, text } from "@/lib/http/input-schemas";
import { route, tagged } from "@/lib/http/route";

/**
 * GET: the annotations on a source the caller may read (their group's — `?group=<id>`, `?group=none`,
 * or by default their current group — and their personal notes), placed in the latest edition, with
 * their replies. `?ids=a,b,…` (at most 100): only those threads — the cards the reader's panel shows;
 * ids the caller may not read are left out. `?limit=N` (1–200) `[&after=<cursor>]`: one page of them
 * in creation order (lib/annotations/list-page.ts), with `next` (the cursor of the following page, or
 * null) and a `Link: <…>; rel="next"` header. With `If-None-Match` holding the ETag of the whole list
 * (or of the same page) already shown, an unchanged one is a bodiless 304.
 */
export const GET = route(
  {
    caller: "anyone",
    params: z.object({ slug: SlugSegment }),
    query: z.object({ group: text().optional(), ids: text().optional() }),
  },
  async ({ request, url, actor, params: { slug }, query: { group, ids } }) => {
    const page = parseAnnotationPage(url.searchParams);
    const ifNoneMatch = request.headers.get("if-none-match");
    if (ids !== undefined) return listAnnotations(actor, slug, group, parseAnnotationIds(ids));
    if (page) {
      const found = await annotationPageUnlessUnchanged(actor, slug, { group, ...page }, ifNoneMatch);
      const next = found.page?.next;
      return tagged(found.tag, found.page, next ? { Link: `<${nextPageUrl(url, next)}>; rel="next"` } : {});
    }
    const { tag, list } = await annotationListUnlessUnchanged(actor, slug, group, ifNoneMatch);
    return tagged(tag, list);
  },
);

/** The same request's path and query with `after` moved on: relative, never built from the Host header. */
function nextPageUrl(url: URL, next: string): string {
  const query = new URLSearchParams(url.search);
  query.set("after", next);
  return `${url.pathname}?${query}`;
}
