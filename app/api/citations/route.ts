import { clientAddress } from "@/lib/auth/client-address";
import { getActor } from "@/lib/auth/get-current-user";
import { citePassage } from "@/lib/citations/cite-passage";
import { handleRoute } from "@/lib/http/error-response";
import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import { readJsonBody } from "@/lib/http/read-json-body";
import { isLocale } from "@/lib/i18n/routing";
import { countPermalinkCreation } from "@/lib/permalinks/creation-limit";

/**
 * POST { source, editionNumber, start, end }, `?locale=pl|en`: the passage's permalink and its
 * citation in every style, with BibTeX, RIS and CSL-JSON (see PassageCitation). It makes a permalink,
 * so it counts against the same rate limit as POST /api/permalinks: past it, 429 with Retry-After.
 */
export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const url = new URL(request.url);
    const requested = url.searchParams.get("locale");
    const locale = requested && isLocale(requested) ? requested : "en";
    const origin = new URL(publicUrl("/", readerOrigin(request.headers))).origin;
    const input = await readJsonBody(request);
    await countPermalinkCreation({ actor: await getActor(), address: clientAddress(request.headers) });
    const citation = await citePassage(input, locale, origin);
    return Response.json(citation);
  });
}
