import { handleRoute } from "@/lib/http/error-response";
import { getCitedPassage } from "@/lib/permalinks/get-cited-passage";

/**
 * GET: the passage a permalink points at, as a cross-reference cites it (the editor shows it before
 * inserting the chip): `{ id, slug, title: { pl, en }, quote, firstSentence, lastSentence,
 * editionNumber, verified }`. 404 for a malformed or unknown id. Public, like the built-in sources.
 */
export function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return handleRoute(async () => {
    const passage = await getCitedPassage((await params).id);
    return Response.json(passage);
  });
}
