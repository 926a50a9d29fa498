import { getActor } from "@/lib/auth/get-current-user";
import { annotationIndexJsonUnlessUnchanged } from "@/lib/annotations/list-annotations";
import { handleRoute } from "@/lib/http/error-response";
import { PRIVATE_NO_STORE } from "@/lib/http/private-headers";

/**
 * GET: every thread on a source the caller may read (the same ones as the list, `?group=` alike), as
 * compact summaries (lib/annotations/index/wire.ts): where each highlight goes, kind, author and tags.
 * The reader draws all highlights from it and fetches the cards it shows from the list (`?ids=`).
 * With `If-None-Match` holding its ETag, an unchanged index is a bodiless 304.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const { slug } = await params;
    const group = new URL(request.url).searchParams.get("group") ?? undefined;
    const { tag, json } = await annotationIndexJsonUnlessUnchanged(
      await getActor(),
      slug,
      group,
      request.headers.get("if-none-match"),
    );
    const headers = { ...PRIVATE_NO_STORE, ETag: tag };
    if (json === null) return new Response(null, { status: 304, headers });
    return new Response(json, { headers: { ...headers, "Content-Type": "application/json" } });
  });
}
