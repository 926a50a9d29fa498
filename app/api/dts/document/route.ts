import { publicUrl } from "@/lib/http/public-url";
import { readerOrigin } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";
import { OPEN_TO_OTHER_SITES } from "@/lib/texts/open-to-other-sites";
import { parseDocumentQuery } from "@/lib/texts/dts/dts-query";
import { getDtsDocument } from "@/lib/texts/dts/get-dts-document";

/**
 * GET: the DTS Document endpoint (`?resource=…&ref|start,end`): the resource, or some of its
 * sentences, as TEI, with a Link to the resource in the Collection endpoint.
 */
export const GET = route({ cache: "public" }, async ({ request, url }) => {
  const document = await getDtsDocument(parseDocumentQuery(url.searchParams), (path) =>
    publicUrl(path, readerOrigin(request.headers)),
  );
  return new Response(document.body, {
    headers: {
      ...OPEN_TO_OTHER_SITES,
      "Content-Type": document.contentType,
      Link: `<${document.collection}>; rel="collection"`,
    },
  });
});
