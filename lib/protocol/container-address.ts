import { readerOrigin } from "@/lib/http/request-client";
import type { ContainerAddress } from "./protocol-container-access.ts";
import { containerIri } from "./protocol-iris.ts";

/**
 * Why the protocol's writes may come from other sites (the route wrapper's cross-site check): their
 * clients send a bearer token, no ambient credential.
 */
export const PROTOCOL_CROSS_SITE_REASON =
  "protocol clients send a bearer token, no ambient credential; readProtocolCaller checks the origin of a session's writes";

/** The container a request addresses, from its route segments (no group: the caller's personal notes). */
export function containerAddressOf(
  params: { groupId: string | null; slug: string },
  request: Request,
): ContainerAddress {
  const origin = readerOrigin(request.headers);
  return {
    groupId: params.groupId,
    slug: params.slug,
    iri: containerIri(params.groupId, params.slug, origin),
    readerOrigin: origin,
  };
}
