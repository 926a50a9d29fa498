/**
 * Fetching a source's annotation index: the one request the reading view makes before the panel is
 * opened, kept apart from the rest of the API client (loaded with the panel).
 */
import { unpackIndex, type PackedAnnotationIndex } from "@/lib/annotations/index-wire";
import type { AnnotationIndexView } from "@/lib/annotations/types";
import { ApiError } from "./api-error";

/** Where a source's index is: the page preloads it, so the first fetch must ask for it the same way. */
export function annotationIndexUrl(sourceSlug: string): string {
  return `/api/sources/${encodeURIComponent(sourceSlug)}/annotations/index`;
}

/**
 * The index of a source's annotations again if it changed since the one tagged `etag` was fetched:
 * "unchanged" when the server answers 304 (the reader polls for the group's new work without
 * downloading it again). The first fetch (no etag) is the one the page preloaded: same URL, same
 * credentials mode, default cache mode, so the browser hands over the response already on its way.
 */
export async function fetchAnnotationIndexIfChanged(
  sourceSlug: string,
  etag: string | null,
): Promise<{ index: AnnotationIndexView; etag: string | null } | "signed-out" | "unchanged"> {
  let response: Response;
  try {
    response = await fetch(
      annotationIndexUrl(sourceSlug),
      etag
        ? { headers: { "If-None-Match": etag }, cache: "no-store", credentials: "include" }
        : { credentials: "include" },
    );
  } catch {
    throw new ApiError(0, "NETWORK", "networkError", []);
  }
  if (response.status === 304) return "unchanged";
  if (response.status === 401) return "signed-out";
  if (!response.ok) throw new ApiError(response.status, "INTERNAL", "generic", []);
  const packed = (await response.json()) as PackedAnnotationIndex;
  return { index: unpackIndex(packed), etag: response.headers.get("ETag") };
}
