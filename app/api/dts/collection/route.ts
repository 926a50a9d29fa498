import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { parseCollectionQuery } from "@/lib/texts/dts/dts-query";
import { dtsJsonResponse } from "@/lib/texts/dts/dts-json-response";
import { getDtsCollection } from "@/lib/texts/dts/get-dts-collection";

/** GET: the DTS Collection endpoint (`?id=…&nav=children|parents`): the library, or one resource. */
export const GET = route({ cache: "public" }, async ({ request, url }) =>
  dtsJsonResponse(
    await getDtsCollection(parseCollectionQuery(url.searchParams), (path) =>
      publicUrl(path, readerOrigin(request.headers)),
    ),
  ),
);
