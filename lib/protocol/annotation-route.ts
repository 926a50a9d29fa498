import "server-only";
import { AppError } from "@/lib/http/errors";
import { readJsonPayload } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { withProtocolHeaders } from "@/lib/protocol/with-protocol-headers";
import { deleteProtocolAnnotation } from "@/lib/protocol/delete-protocol-annotation";
import { getProtocolAnnotation } from "@/lib/protocol/get-protocol-annotation";
import { requireJsonLdAccepted, requireJsonLdBody } from "@/lib/protocol/negotiation";
import { readProtocolCaller } from "@/lib/protocol/protocol-caller";
import { containerAddressOf, PROTOCOL_CROSS_SITE_REASON } from "@/lib/protocol/container-address";
import {
  ANNOTATION_ALLOW,
  annotationHeaders,
  jsonLdResponse,
  optionsResponse,
} from "@/lib/protocol/protocol-response";
import { AnnotationParams } from "@/lib/protocol/protocol-route-schemas";
import { replaceProtocolAnnotation } from "@/lib/protocol/replace-protocol-annotation";

/**
 * The handlers of one annotation of a Web Annotation Protocol container (see container-route.ts),
 * re-exported by the group's and the personal containers' annotation routes.
 */
/** GET (HEAD): the annotation as JSON-LD with its ETag. */
const get = route({ params: AnnotationParams }, async ({ request, params }) => {
  requireJsonLdAccepted(request.headers.get("accept"));
  const { actor } = await readProtocolCaller(request);
  const annotation = await getProtocolAnnotation(
    actor,
    containerAddressOf(params, request),
    params.annotationId,
  );
  return jsonLdResponse(request, annotation, annotationHeaders());
});

const options = route({ crossSiteAllowedBecause: "a preflight changes nothing" }, async () =>
  optionsResponse(annotationHeaders()),
);

/** PUT: replaces the annotation (its author; If-Match required), answering with the new version. */
const put = route(
  { params: AnnotationParams, crossSiteAllowedBecause: PROTOCOL_CROSS_SITE_REASON },
  async ({ request, params }) => {
    const { actor } = await readProtocolCaller(request);
    requireJsonLdBody(request.headers.get("content-type"));
    const input = await readJsonPayload(request);
    const at = containerAddressOf(params, request);
    await replaceProtocolAnnotation(actor, at, params.annotationId, input, request.headers.get("if-match"));
    return jsonLdResponse(
      request,
      await getProtocolAnnotation(actor, at, params.annotationId),
      annotationHeaders(),
    );
  },
);

/** DELETE: removes the annotation (its author): 204. */
const remove = route(
  { params: AnnotationParams, crossSiteAllowedBecause: PROTOCOL_CROSS_SITE_REASON },
  async ({ request, params }) => {
    const { actor } = await readProtocolCaller(request);
    await deleteProtocolAnnotation(
      actor,
      containerAddressOf(params, request),
      params.annotationId,
      request.headers.get("if-match"),
    );
    return new Response(null, { status: 204, headers: annotationHeaders() });
  },
);

const notAllowed = route({ crossSiteAllowedBecause: "it changes nothing" }, async () => {
  throw new AppError("METHOD_NOT_ALLOWED", "methodNotAllowed", { allow: ANNOTATION_ALLOW });
});

const post = notAllowed;
const patch = notAllowed;

/** Every answer, errors included, carries the resource's CORS, Link and Allow headers. */
export const GET = withProtocolHeaders(get, annotationHeaders);
export const HEAD = withProtocolHeaders(get, annotationHeaders);
export const OPTIONS = withProtocolHeaders(options, annotationHeaders);
export const PUT = withProtocolHeaders(put, annotationHeaders);
export const DELETE = withProtocolHeaders(remove, annotationHeaders);
export const POST = withProtocolHeaders(post, annotationHeaders);
export const PATCH = withProtocolHeaders(patch, annotationHeaders);
