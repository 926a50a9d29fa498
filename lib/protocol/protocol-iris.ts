import { publicUrl } from "@/lib/http/public-url";

/**
 * The IRIs of the Web Annotation Protocol endpoints (pure but for the configured public address):
 * a container per group and source, and one per source of the caller's personal notes (`groupId`
 * null: the same address names each caller's own), ending in "/" as the Protocol asks, and each
 * annotation's IRI under it.
 */
export function containerPath(groupId: string | null, slug: string): string {
  const owner = groupId === null ? "me" : `groups/${encodeURIComponent(groupId)}`;
  return `/api/protocol/${owner}/sources/${encodeURIComponent(slug)}/`;
}

export function containerIri(groupId: string | null, slug: string, readerOrigin: string | undefined): string {
  return publicUrl(containerPath(groupId, slug), readerOrigin);
}

/** The IRI of a container's page `number` (1-based), for the preference it was asked with. */
export function containerPageIri(container: string, number: number, preference: ContainedPreference): string {
  const url = new URL(container);
  url.searchParams.set("page", String(number));
  if (preference === "iris") url.searchParams.set("iris", "1");
  return url.toString();
}

/** What a container's pages hold: only the annotations' IRIs, or the annotations themselves. */
export type ContainedPreference = "iris" | "descriptions";

/**
 * The annotation id an IRI names, when it is an annotation of `container` (its IRI under it) or
 * Glossa's own JSON-LD address of an annotation (/api/annotations/{id}/jsonld) on this app; else null.
 */
export function annotationIdOf(iri: string, container: string): string | null {
  if (iri.startsWith(container)) {
    const rest = iri.slice(container.length);
    return /^[A-Za-z0-9_-]{1,64}$/u.test(rest) ? rest : null;
  }
  let url: URL;
  try {
    url = new URL(iri);
  } catch {
    return null;
  }
  if (url.origin !== new URL(container).origin) return null;
  return /^\/api\/annotations\/([A-Za-z0-9_-]{1,64})\/jsonld$/u.exec(url.pathname)?.[1] ?? null;
}
