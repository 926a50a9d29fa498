import { z } from "zod";
import { getWebAnnotation } from "@/lib/export/get-web-annotation";
import { WebAnnotationQuerySchema } from "@/lib/export/schema";
import { ANNOTATION_CONTENT_TYPE } from "@/lib/export/web-annotation";
import { idSegment } from "@/lib/http/input-schemas";
import { readerOrigin } from "@/lib/http/request-client";
import { route } from "@/lib/http/route";

/**
 * GET: the annotation or reply as a W3C Web Annotation (JSON-LD, its IRI this URL), for whoever reads
 * it (signed in, or an API client with its personal access token); 404 for anyone else.
 */
export const GET = route(
  {
    caller: "anyone-or-token",
    params: z.object({ id: idSegment("annotationNotFound") }),
    query: WebAnnotationQuerySchema,
  },
  async ({ actor, params, query, request }) => {
    const annotation = await getWebAnnotation(actor, params.id, {
      locale: query.locale,
      readerOrigin: readerOrigin(request.headers),
    });
    return new Response(JSON.stringify(annotation), { headers: { "content-type": ANNOTATION_CONTENT_TYPE } });
  },
);
