import { AppError } from "@/lib/http/errors";
import { readerOrigin } from "@/lib/http/request-client";
import { readJsonPayload } from "@/lib/http/read-json-body";
import { route } from "@/lib/http/route";
import { createProtocolAnnotation } from "@/lib/protocol/create-protocol-annotation";
import { getProtocolAnnotation } from "@/lib/protocol/get-protocol-annotation";
import { getProtocolContainer, getProtocolContainerPage } from "@/lib/protocol/get-protocol-container";
import { containerPreference, requireJsonLdAccepted, requireJsonLdBody } from "@/lib/protocol/negotiation";
import { readProtocolCaller } from "@/lib/protocol/protocol-caller";
import { containerIri } from "@/lib/protocol/protocol-iris";
import {
  annotationHeaders,
  CONTAINER_ALLOW,
  containerHeaders,
  jsonLdResponse,
  optionsResponse,
} from "@/lib/protocol/protocol-response";
import { ContainerParams, ContainerQuery } from "@/lib/protocol/protocol-route-schemas";

/**
 * A W3C Web Annotation Protocol container: a group's annotations on one source, those the caller
 * reads (lib/protocol). Callers are a personal access token's owner or a signed-in session
 * (lib/protocol/protocol-caller.ts).
 */
const WHY_CROSS_SITE =
  "protocol clients send a bearer token, no ambient credential; readProtocolCaller checks the origin of a session's writes";

function address(params: { groupId: string; slug: string }, request: Request) {
  const origin = readerOrigin(request.headers);
  return { ...params, iri: containerIri(params.groupId, params.slug, origin), readerOrigin: origin };
}

/** GET (HEAD): the container, by Prefer, or one of its pages (`?page=N`), as JSON-LD with an ETag. */
export const GET = route(
  { params: ContainerParams, query: ContainerQuery },
  async ({ request, params, query }) => {
    requireJsonLdAccepted(request.headers.get("accept"));
    const { actor } = await readProtocolCaller(request);
    const at = address(params, request);
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
  },
);

export const HEAD = GET;

/** OPTIONS: what the container allows (no caller needed: a CORS preflight carries no credentials). */
export const OPTIONS = route({ crossSiteAllowedBecause: "a preflight changes nothing" }, async () =>
  optionsResponse(containerHeaders()),
);

/** POST: a new annotation in the container (201 with Location, ETag and the annotation). */
export const POST = route(
  { params: ContainerParams, crossSiteAllowedBecause: WHY_CROSS_SITE },
  async ({ request, params }) => {
    const { actor } = await readProtocolCaller(request);
    requireJsonLdBody(request.headers.get("content-type"));
    const input = await readJsonPayload(request);
    const at = address(params, request);
    const id = await createProtocolAnnotation(actor, at, input);
    const annotation = await getProtocolAnnotation(actor, at, id);
    return jsonLdResponse(request, annotation, { ...annotationHeaders(), Location: annotation.id }, 201);
  },
);

const notAllowed = route({ crossSiteAllowedBecause: "it changes nothing" }, async () => {
  throw new AppError("METHOD_NOT_ALLOWED", "methodNotAllowed", { allow: CONTAINER_ALLOW });
});

export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
