import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { parseNavigationQuery } from "@/lib/texts/dts/dts-query";
import { dtsJsonResponse } from "@/lib/texts/dts/dts-json-response";
import { getDtsNavigation } from "@/lib/texts/dts/get-dts-navigation";

/** GET: the DTS Navigation endpoint (`?resource=…&ref|start,end&down`): a resource's sentences. */
export const GET = route({ cache: "public" }, async ({ request, url }) =>
  dtsJsonResponse(
    await getDtsNavigation(
      parseNavigationQuery(url.searchParams),
      publicUrl(`${url.pathname}${url.search}`, readerOrigin(request.headers)),
    ),
  ),
);
