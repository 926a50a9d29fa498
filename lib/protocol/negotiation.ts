import { ANNOTATION_CONTENT_TYPE } from "@/lib/export/web-annotation";
import { AppError } from "@/lib/http/errors";
import type { ContainedPreference } from "./protocol-iris.ts";

/**
 * Content negotiation and preferences of the Web Annotation Protocol (pure): Accept, Content-Type
 * and Prefer (https://www.w3.org/TR/annotation-protocol/ §4, §5).
 */

export const LDP_CONTEXT = "http://www.w3.org/ns/ldp.jsonld";
export const PREFER_MINIMAL = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
export const PREFER_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
export const PREFER_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";

/** Media types a client may ask for: every one of them is answered with the JSON-LD. */
const ACCEPTED = [/^application\/ld\+json$/u, /^application\/json$/u, /^application\/\*$/u, /^\*\/\*$/u];

/**
 * Refuses (406) an Accept header that admits no JSON-LD. No header, or one that names it (with the
 * anno profile or without), JSON, or a wildcard, is answered with the JSON-LD representation.
 */
export function requireJsonLdAccepted(accept: string | null): void {
  if (!accept || accept.trim() === "") return;
  const admitted = accept.split(",").some((range) => {
    const [type = "", ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    const refused = params.some((param) => /^q=0(\.0{0,3})?$/u.test(param));
    return !refused && ACCEPTED.some((pattern) => pattern.test(type));
  });
  if (!admitted) throw new AppError("NOT_ACCEPTABLE", "jsonLdOnly", { accept: ANNOTATION_CONTENT_TYPE });
}

/** Refuses (415) a body whose Content-Type is not JSON-LD (or plain JSON, which clients often send). */
export function requireJsonLdBody(contentType: string | null): void {
  const type = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/ld+json" && type !== "application/json") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "jsonLdRequired", { accept: ANNOTATION_CONTENT_TYPE });
  }
}

/** What a container's answer holds, from Prefer: no page (minimal), IRIs, or descriptions. */
export type ContainerPreference = "minimal" | ContainedPreference;

/**
 * The container representation a Prefer header asks for (`return=representation; include="…"`):
 * PreferMinimalContainer (no annotations), PreferContainedIRIs or PreferContainedDescriptions; the
 * default (no header, or one that names none of them) is descriptions. Whether a preference was
 * applied is said with Preference-Applied.
 */
export function containerPreference(prefer: string | null): {
  preference: ContainerPreference;
  applied: boolean;
} {
  const include = /include\s*=\s*"([^"]*)"/iu.exec(prefer ?? "")?.[1]?.split(/\s+/u) ?? [];
  if (include.includes(PREFER_MINIMAL)) return { preference: "minimal", applied: true };
  if (include.includes(PREFER_IRIS)) return { preference: "iris", applied: true };
  if (include.includes(PREFER_DESCRIPTIONS)) return { preference: "descriptions", applied: true };
  return { preference: "descriptions", applied: false };
}
