import { z } from "zod";
import { annotationIndexJsonUnlessUnchanged } from "@/lib/annotations/list-annotation-index";
import { SlugSegment, text } from "@/lib/http/input-schemas";
import { route, tagged } from "@/lib/http/route";

/**
 * GET: every thread on a source the caller may read (the same ones as the list, `?group=` alike), as
 * compact summaries (lib/annotations/index/wire.ts): where each highlight goes, kind, author and tags.
 * The reader draws all highlights from it and fetches the cards it shows from the list (`?ids=`).
 * With `If-None-Match` holding its ETag, an unchanged index is a bodiless 304; with `?base=` (the
 * shared state of the index the reader holds) a changed one is only the changes since, when this
 * instance still knows that state (a body with `delta`), else the whole index.
 */
export const GET = route(
  {
    caller: "anyone",
    params: z.object({ slug: SlugSegment }),
    query: z.object({ group: text().optional(), base: text().optional() }),
  },
  async ({ request, actor, params, query }) => {
    const ifNoneMatch = request.headers.get("if-none-match");
    const { tag, json } = await annotationIndexJsonUnlessUnchanged(
      actor,
      params.slug,
      query.group,
      ifNoneMatch,
      query.base ?? null,
    );
    return tagged(tag, json);
  },
);
