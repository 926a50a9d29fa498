/**
 * The W3C Web Annotation Protocol's requirements (https://www.w3.org/TR/annotation-protocol/), as
 * the web-platform-tests `annotation-protocol` server suite checks them (MUSTs, and the SHOULDs that
 * apply), written out as checks of a response: each returns the requirements it breaks ([] when it
 * keeps them all). Written from the specification and that suite's list; no code taken from it.
 */
type Json = Record<string, unknown>;

const JSON_LD = /^application\/ld\+json/u;
const PROFILE = 'profile="http://www.w3.org/ns/anno.jsonld"';

function typesOf(body: Json): string[] {
  const type = body.type;
  return Array.isArray(type) ? (type as string[]) : typeof type === "string" ? [type] : [];
}

/** §4.1 A container's answer to GET (with its parsed body). */
export function containerProblems(response: Response, body: Json, iri: string): string[] {
  const problems: string[] = [];
  const h = (name: string) => response.headers.get(name) ?? "";
  if (!iri.endsWith("/")) problems.push('the container IRI MUST end with "/"');
  for (const method of ["GET", "HEAD", "OPTIONS"])
    if (!h("allow").includes(method)) problems.push(`Allow MUST name ${method}`);
  if (!h("allow").includes("POST")) problems.push("Allow SHOULD name POST (annotations are created by POST)");
  if (!JSON_LD.test(h("content-type"))) problems.push("Content-Type MUST be application/ld+json");
  if (!h("content-type").includes(PROFILE))
    problems.push("Content-Type SHOULD carry the anno.jsonld profile");
  if (!typesOf(body).includes("BasicContainer")) problems.push("type MUST include BasicContainer");
  if (!typesOf(body).includes("AnnotationCollection"))
    problems.push("type MUST include AnnotationCollection");
  if (!h("link").includes('<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"'))
    problems.push("Link MUST give the container's type (ldp#BasicContainer, rel=type)");
  if (
    !h("link").includes(
      '<http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"',
    )
  )
    problems.push("Link MUST say the container is constrained by the Annotation Protocol");
  if (!h("etag")) problems.push("ETag MUST be sent");
  if (!/\bAccept\b/u.test(h("vary"))) problems.push("Vary MUST include Accept");
  if (!/\bPrefer\b/u.test(h("vary"))) problems.push("Vary SHOULD include Prefer");
  if (!h("accept-post").includes("application/ld+json"))
    problems.push("Accept-Post SHOULD name application/ld+json");
  if (h("content-location") !== body.id)
    problems.push("Content-Location MUST be the container's IRI (its id)");
  const context = body["@context"];
  const contexts = Array.isArray(context) ? context : [context];
  if (!contexts.includes("http://www.w3.org/ns/anno.jsonld"))
    problems.push("@context MUST include anno.jsonld");
  if (!contexts.includes("http://www.w3.org/ns/ldp.jsonld"))
    problems.push("@context SHOULD include ldp.jsonld");
  if (typeof body.total !== "number") problems.push("total SHOULD give the number of annotations");
  if ((body.total as number) > 0) {
    if (body.first === undefined)
      problems.push("first MUST link to the first page when there are annotations");
    if (typeof body.last !== "string") problems.push("last SHOULD link to the last page");
  }
  return problems;
}

/** §4.3 A page of a container (an AnnotationPage), `number` of `pages`. */
export function pageProblems(page: Json, container: string, number: number, pages: number): string[] {
  const problems: string[] = [];
  if (page.type !== "AnnotationPage") problems.push("a page MUST be an AnnotationPage");
  const partOf = page.partOf as Json | string | undefined;
  const partOfId = typeof partOf === "string" ? partOf : partOf?.id;
  if (partOfId !== container) problems.push("a page MUST name its container in partOf");
  if (!Array.isArray(page.items) || page.items.length === 0) problems.push("a page MUST hold items");
  if (number < pages && typeof page.next !== "string")
    problems.push("a page MUST link to the next (if not the last)");
  if (number > 1 && typeof page.prev !== "string")
    problems.push("a page MUST link to the previous (if not the first)");
  if (typeof page.startIndex !== "number") problems.push("a page SHOULD give its startIndex");
  return problems;
}

/** §4.1/§5 An annotation's answer to GET (or the answer to its creation, `created`). */
export function annotationResponseProblems(response: Response, body: Json, container: string): string[] {
  const problems: string[] = [];
  const h = (name: string) => response.headers.get(name) ?? "";
  for (const method of ["GET", "HEAD", "OPTIONS"])
    if (!h("allow").includes(method)) problems.push(`Allow MUST name ${method}`);
  if (!JSON_LD.test(h("content-type"))) problems.push("Content-Type MUST be application/ld+json");
  if (!h("content-type").includes(PROFILE))
    problems.push("Content-Type SHOULD carry the anno.jsonld profile");
  if (!h("link").includes('<http://www.w3.org/ns/ldp#Resource>; rel="type"'))
    problems.push("Link MUST give the type ldp#Resource (rel=type)");
  if (!h("etag")) problems.push("ETag MUST be sent");
  if (!/\bAccept\b/u.test(h("vary"))) problems.push("Vary MUST include Accept");
  if (typeof body.id !== "string") problems.push("the annotation MUST have an id");
  else if (!body.id.startsWith(container))
    problems.push("the annotation's id MUST start with its container's IRI");
  if (body["@context"] !== "http://www.w3.org/ns/anno.jsonld") problems.push("@context MUST be anno.jsonld");
  return problems;
}

/** §5.1 The answer to a POST that created an annotation. */
export function creationProblems(response: Response, body: Json, container: string, sent: Json): string[] {
  const problems = annotationResponseProblems(response, body, container);
  if (response.status !== 201) problems.push("a creation MUST answer 201 Created");
  if (response.headers.get("location") !== body.id)
    problems.push("Location SHOULD be the new annotation's id");
  if (sent.canonical !== undefined && body.canonical !== sent.canonical)
    problems.push("a canonical IRI MUST be kept as sent");
  return problems;
}
