import { citePassage } from "@/lib/citations/cite-passage";
import { handleRoute } from "@/lib/http/error-response";
import { publicUrl } from "@/lib/http/public-url";
import { readJsonBody } from "@/lib/http/read-json-body";
import { isLocale } from "@/lib/i18n/routing";

/**
 * POST { source, editionNumber, start, end }, `?locale=pl|en`: the passage's permalink and its
 * citation in every style, with BibTeX, RIS and CSL-JSON (see PassageCitation).
 */
export function POST(request: Request): Promise<Response> {
  return handleRoute(async () => {
    const url = new URL(request.url);
    const requested = url.searchParams.get("locale");
    const locale = requested && isLocale(requested) ? requested : "en";
    const origin = new URL(publicUrl("/", url.origin)).origin;
    const citation = await citePassage(await readJsonBody(request), locale, origin);
    return Response.json(citation);
  });
}
