import { AppError } from "@/lib/http/errors";
import { readerOrigin } from "@/lib/http/request-client";
import { readJsonPayload } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { deleteProtocolAnnotation } from "@/lib/protocol/delete-protocol-annotation";
import { getProtocolAnnotation } from "@/lib/protocol/get-protocol-annotation";
import { requireJsonLdAccepted, requireJsonLdBody } from "@/lib/protocol/negotiation";
import { readProtocolCaller } from "@/lib/protocol/protocol-caller";
import { containerIri } from "@/lib/protocol/protocol-iris";
import {
  ANNOTATION_ALLOW,
  annotationHeaders,
  jsonLdResponse,
  optionsResponse,
} from "@/lib/protocol/protocol-response";
import { AnnotationParams } from "@/lib/protocol/protocol-route-schemas";
import { replaceProtocolAnnotation } from "@/lib/protocol/replace-protocol-annotation";

/** One annotation of a Web Annotation Protocol container (see the container's route). */
const WHY_CROSS_SITE =
  "protocol clients send a bearer token, no ambient credential; readProtocolCaller checks the origin of a session's writes";

function address(params: { groupId: string; slug: string }, request: Request) {
  const origin = readerOrigin(request.headers);
  return {
    groupId: params.groupId,
    slug: params.slug,
    iri: containerIri(params.groupId, params.slug, origin),
    readerOrigin: origin,
  };
}

/** GET (HEAD): the annotation as JSON-LD with its ETag. */
export const GET = route({ params: AnnotationParams }, async ({ request, params }) => {
  requireJsonLdAccepted(request.headers.get("accept"));
  const { actor } = await readProtocolCaller(request);
  const annotation = await getProtocolAnnotation(actor, address(params, request), params.annotationId);
  return jsonLdResponse(request, annotation, annotationHeaders());
});

export const HEAD = GET;

export const OPTIONS = route({ crossSiteAllowedBecause: "a preflight changes nothing" }, async () =>
  optionsResponse(annotationHeaders()),
);

/** PUT: replaces the annotation (its author; If-Match required), answering with the new version. */
export const PUT = route(
  { params: AnnotationParams, crossSiteAllowedBecause: WHY_CROSS_SITE },
  async ({ request, params }) => {
    const { actor } = await readProtocolCaller(request);
    requireJsonLdBody(request.headers.get("content-type"));
    const input = await readJsonPayload(request);
    const at = address(params, request);
    await replaceProtocolAnnotation(actor, at, params.annotationId, input, request.headers.get("if-match"));
    return jsonLdResponse(
      request,
      await getProtocolAnnotation(actor, at, params.annotationId),
      annotationHeaders(),
    );
  },
);

/** DELETE: removes the annotation (its author): 204. */
export const DELETE = route(
  { params: AnnotationParams, crossSiteAllowedBecause: WHY_CROSS_SITE },
  async ({ request, params }) => {
    const { actor } = await readProtocolCaller(request);
    await deleteProtocolAnnotation(
      actor,
      address(params, request),
      params.annotationId,
      request.headers.get("if-match"),
    );
    return new Response(null, { status: 204, headers: annotationHeaders() });
  },
);

const notAllowed = route({ crossSiteAllowedBecause: "it changes nothing" }, async () => {
  throw new AppError("METHOD_NOT_ALLOWED", "methodNotAllowed", { allow: ANNOTATION_ALLOW });
});

export const POST = notAllowed;
export const PATCH = notAllowed;
