import { createHash } from "node:crypto";
import { ANNOTATION_CONTENT_TYPE } from "@/lib/export/web-annotation";

/** The methods each kind of protocol resource answers (the Allow header, and 405 for the others). */
export const CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
export const ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";

const CONSTRAINED_BY =
  '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';

/**
 * Headers every protocol answer carries: a browser client on another site may read them (CORS
 * without credentials: only a token, never a cookie, authorizes such a request).
 */
const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers":
    "ETag, Link, Location, Allow, Accept-Post, Content-Location, Vary, Preference-Applied, WWW-Authenticate",
};

export function containerHeaders(): Record<string, string> {
  return {
    ...CORS,
    Link: `<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", ${CONSTRAINED_BY}`,
    Allow: CONTAINER_ALLOW,
    "Accept-Post": ANNOTATION_CONTENT_TYPE,
    Vary: "Accept, Prefer",
  };
}

export function annotationHeaders(): Record<string, string> {
  return {
    ...CORS,
    Link: '<http://www.w3.org/ns/ldp#Resource>; rel="type"',
    Allow: ANNOTATION_ALLOW,
    Vary: "Accept",
  };
}

/**
 * The answer to OPTIONS (and a CORS preflight): what the resource allows, 200 with an empty body. It
 * names a Content-Type all the same: the W3C's protocol tests (web-platform-tests annotation-protocol,
 * server-manual.html) read every 2xx answer's type and, without one, never finish.
 */
export function optionsResponse(headers: Record<string, string>): Response {
  return new Response(null, {
    status: 200,
    headers: {
      ...headers,
      "Content-Type": "text/plain; charset=utf-8",
      "Access-Control-Allow-Methods": headers.Allow ?? "GET",
      "Access-Control-Allow-Headers": "Authorization, Content-Type, Accept, Prefer, If-Match, If-None-Match",
      "Access-Control-Max-Age": "600",
    },
  });
}

/** A strong ETag of a representation: the SHA-256 of its JSON (so equal bytes, equal tag). */
export function etagOf(json: string): string {
  return `"${createHash("sha256").update(json, "utf8").digest("base64url").slice(0, 32)}"`;
}

/** Whether a list of entity tags (If-None-Match or If-Match) names `tag` or is `*` (weak or strong alike). */
export function namesTag(header: string | null, tag: string): boolean {
  if (!header) return false;
  const strip = (value: string) => value.trim().replace(/^W\//u, "");
  return header.split(",").some((value) => value.trim() === "*" || strip(value) === strip(tag));
}

/**
 * A JSON-LD answer with its ETag: 304 when If-None-Match names it; no body for HEAD. Cache-Control
 * `private, no-cache`: a client keeps it and asks again with the tag.
 */
export function jsonLdResponse(
  request: Request,
  document: unknown,
  headers: Record<string, string>,
  status = 200,
): Response {
  const json = JSON.stringify(document);
  const tag = etagOf(json);
  const all = { ...headers, ETag: tag, "Cache-Control": "private, no-cache" };
  if (status === 200 && namesTag(request.headers.get("if-none-match"), tag)) {
    return new Response(null, { status: 304, headers: all });
  }
  const body = request.method === "HEAD" ? null : json;
  return new Response(body, { status, headers: { ...all, "Content-Type": ANNOTATION_CONTENT_TYPE } });
}
