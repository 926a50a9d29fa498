import { z } from "zod";
import { annotationIndexJsonUnlessUnchanged } from "@/lib/annotations/list-annotation-index";
import { SlugSegment, text } from "@/lib/http/input-schemas";
import { route, tagged } from "@/lib/http/route";

/**
 * GET: every thread on a source the caller may read (the same ones as the list, `?group=` alike), as
 * compact summaries (lib/annotations/index/wire.ts): where each highlight goes, kind, author and tags.
 * The reader draws all highlights from it and fetches the cards it shows from the list (`?ids=`).
 * With `If-None-Match` holding its ETag, an unchanged index is a bodiless 304.
 */
export const GET = route(
  {
    caller: "anyone",
    params: z.object({ slug: SlugSegment }),
    query: z.object({ group: text().optional() }),
  },
  async ({ request, actor, params, query }) => {
    const ifNoneMatch = request.headers.get("if-none-match");
    const { tag, json } = await annotationIndexJsonUnlessUnchanged(
      actor,
      params.slug,
      query.group,
      ifNoneMatch,
    );
    return tagged(tag, json);
  },
);
