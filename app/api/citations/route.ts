import { z } from "zod";
import { clientAddress } from "@/lib/auth/client-address";
import { citePassage } from "@/lib/citations/cite-passage";
import { text } from "@/lib/http/input-schemas";
import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { isLocale } from "@/lib/i18n/routing";
import { countPermalinkCreation } from "@/lib/permalinks/creation-limit";

/**
 * POST { source, editionNumber, start, end }, `?locale=pl|en`: the passage's permalink and its
 * citation in every style, with BibTeX, RIS and CSL-JSON (see PassageCitation). It makes a permalink,
 * so it counts against the same rate limit as POST /api/permalinks: past it, 429 with Retry-After.
 */
export const POST = route(
  { caller: "anyone", query: z.object({ locale: text().optional() }), body: "json" },
  async ({ request, actor, query, body }) => {
    const locale = query.locale && isLocale(query.locale) ? query.locale : "en";
    const origin = new URL(publicUrl("/", readerOrigin(request.headers))).origin;
    await countPermalinkCreation({ actor, address: clientAddress(request.headers) });
    return citePassage(body, locale, origin, actor);
  },
);
