import { z } from "zod";
import { idSegment } from "@/lib/http/input-schemas";
import { route } from "@/lib/http/route";
import { getCitedPassage } from "@/lib/permalinks/get-cited-passage";

/**
 * GET: the passage a permalink points at, as a cross-reference cites it (the editor shows it before
 * inserting the chip): `{ id, slug, title: { pl, en }, quote, firstSentence, lastSentence,
 * editionNumber, verified }`. 404 for a malformed or unknown id. Public, like the built-in sources.
 */
export const GET = route(
  { caller: "anyone", cache: "private", params: z.object({ id: idSegment("permalinkNotFound") }) },
  ({ params, actor }) => getCitedPassage(params.id, actor),
);
