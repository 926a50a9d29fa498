import "server-only";
import { AppError } from "@/lib/http/errors";
import { readJsonPayload } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { withProtocolHeaders } from "@/lib/protocol/with-protocol-headers";
import { createProtocolAnnotation } from "@/lib/protocol/create-protocol-annotation";
import { getProtocolAnnotation } from "@/lib/protocol/get-protocol-annotation";
import { getProtocolContainer, getProtocolContainerPage } from "@/lib/protocol/get-protocol-container";
import { containerPreference, requireJsonLdAccepted, requireJsonLdBody } from "@/lib/protocol/negotiation";
import { readProtocolCaller } from "@/lib/protocol/protocol-caller";
import { containerAddressOf, PROTOCOL_CROSS_SITE_REASON } from "@/lib/protocol/container-address";
import {
  annotationHeaders,
  CONTAINER_ALLOW,
  containerHeaders,
  jsonLdResponse,
  optionsResponse,
} from "@/lib/protocol/protocol-response";
import { ContainerParams, ContainerQuery } from "@/lib/protocol/protocol-route-schemas";

/**
 * The handlers of a W3C Web Annotation Protocol container: a group's annotations on one source, those
 * the caller reads (app/api/protocol/groups/{groupId}/sources/{slug}/), or the caller's personal
 * notes on it (app/api/protocol/me/sources/{slug}/), which re-export them. Callers are a personal
 * access token's owner or a signed-in session (lib/protocol/protocol-caller.ts).
 */
/** GET (HEAD): the container, by Prefer, or one of its pages (`?page=N`), as JSON-LD with an ETag. */
const get = route({ params: ContainerParams, query: ContainerQuery }, async ({ request, params, query }) => {
  requireJsonLdAccepted(request.headers.get("accept"));
  const { actor } = await readProtocolCaller(request);
  const at = containerAddressOf(params, request);
  if (query.page !== undefined) {
    const contained = query.iris === "1" ? "iris" : "descriptions";
    const page = await getProtocolContainerPage(actor, at, query.page, contained);
    return jsonLdResponse(request, page, { ...containerHeaders(), "Content-Location": page.id });
  }
  const { preference, applied } = containerPreference(request.headers.get("prefer"));
  const container = await getProtocolContainer(actor, at, preference);
  return jsonLdResponse(request, container, {
    ...containerHeaders(),
    "Content-Location": at.iri,
    ...(applied ? { "Preference-Applied": "return=representation" } : {}),
  });
});

/** OPTIONS: what the container allows (no caller needed: a CORS preflight carries no credentials). */
const options = route({ crossSiteAllowedBecause: "a preflight changes nothing" }, async () =>
  optionsResponse(containerHeaders()),
);

/** POST: a new annotation in the container (201 with Location, ETag and the annotation). */
const post = route(
  { params: ContainerParams, crossSiteAllowedBecause: PROTOCOL_CROSS_SITE_REASON },
  async ({ request, params }) => {
    const { actor } = await readProtocolCaller(request);
    requireJsonLdBody(request.headers.get("content-type"));
    const input = await readJsonPayload(request);
    const at = containerAddressOf(params, request);
    const id = await createProtocolAnnotation(actor, at, input);
    const annotation = await getProtocolAnnotation(actor, at, id);
    return jsonLdResponse(request, annotation, { ...annotationHeaders(), Location: annotation.id }, 201);
  },
);

const notAllowed = route({ crossSiteAllowedBecause: "it changes nothing" }, async () => {
  throw new AppError("METHOD_NOT_ALLOWED", "methodNotAllowed", { allow: CONTAINER_ALLOW });
});

const put = notAllowed;
const patch = notAllowed;
const remove = notAllowed;

/** Every answer, errors included, carries the resource's CORS, Link and Allow headers. */
export const GET = withProtocolHeaders(get, containerHeaders);
export const HEAD = withProtocolHeaders(get, containerHeaders);
export const OPTIONS = withProtocolHeaders(options, containerHeaders);
export const POST = withProtocolHeaders(post, containerHeaders);
export const PUT = withProtocolHeaders(put, containerHeaders);
export const PATCH = withProtocolHeaders(patch, containerHeaders);
export const DELETE = withProtocolHeaders(remove, containerHeaders);
