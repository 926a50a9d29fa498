/**
 * Fetching a source's annotation index: the one request the reading view makes before the panel is
 * opened, kept apart from the rest of the API client (loaded with the panel).
 */
import {
  unpackIndex,
  type PackedAnnotationIndex,
  type PackedAnnotationIndexDelta,
} from "@/lib/annotations/index/wire";
import type { AnnotationIndexDelta, AnnotationIndexView } from "@/lib/annotations/types";
import { hasSignedInHint } from "../../../_lib/signed-in-hint";
import { ApiError } from "./api-error";

/** Where a source's index is: the page's script asks for it first, and hands the request over. */
/** Dispatched on the window when a new index arrived (the assignment banner listens). */
export const INDEX_CHANGED_EVENT = "glossa:index-changed";

export function annotationIndexUrl(sourceSlug: string): string {
  return `/api/sources/${encodeURIComponent(sourceSlug)}/annotations/index`;
}

/** What the page's inline script (highlight-prepaint.tsx) leaves for the layer: its index request. */
interface HandedOver {
  status: number;
  etag: string | null;
  body: PackedAnnotationIndex | null;
}

type IndexWindow = Window & { __glossaIndex?: Record<string, Promise<HandedOver> | undefined> };

/** The index request the page's script already made for `url`, once (later fetches are new). */
function takeHandedOver(url: string): Promise<HandedOver> | undefined {
  const store = (window as IndexWindow).__glossaIndex;
  const answer = store?.[url];
  if (store) delete store[url];
  return answer;
}

type IndexAnswer =
  | { index: AnnotationIndexView; etag: string | null }
  | { delta: AnnotationIndexDelta; etag: string | null }
  | "signed-out"
  | "unchanged";

type PackedAnswer = PackedAnnotationIndex | PackedAnnotationIndexDelta;

function answerOf(status: number, etag: string | null, body: PackedAnswer | null): IndexAnswer {
  if (status === 304) return "unchanged";
  if (status === 401) return "signed-out";
  if (status < 200 || status > 299 || !body) throw new ApiError(status, "INTERNAL", "generic", []);
  return "delta" in body ? { delta: unpackIndex(body), etag } : { index: unpackIndex(body), etag };
}

/**
 * The index of a source's annotations again if it changed since the one tagged `etag` was fetched:
 * "unchanged" when the server answers 304 (the reader polls for the group's new work without
 * downloading it again). The first fetch (no etag) takes over the request the page's script made, if
 * it made one. With `base`, the shared state of the index held (its `base`), the answer may be only
 * the changes since (`delta`, applied with applyIndexDelta). A reader without a session (no
 * signed-in hint) is "signed-out" without asking: the index is only ever the reader's own.
 */
export async function fetchAnnotationIndexIfChanged(
  sourceSlug: string,
  etag: string | null,
  base?: string,
): Promise<IndexAnswer> {
  if (!hasSignedInHint(document.cookie)) return "signed-out";
  const url =
    etag && base !== undefined
      ? `${annotationIndexUrl(sourceSlug)}?base=${encodeURIComponent(base)}`
      : annotationIndexUrl(sourceSlug);
  const handedOver = etag ? undefined : takeHandedOver(url);
  if (handedOver) {
    const answer = await handedOver.catch(() => null);
    if (answer) return answerOf(answer.status, answer.etag, answer.body);
  }
  let response: Response;
  try {
    response = await fetch(
      url,
      etag
        ? { headers: { "If-None-Match": etag }, cache: "no-store", credentials: "include" }
        : { credentials: "include" },
    );
  } catch {
    throw new ApiError(0, "NETWORK", "networkError", []);
  }
  const body = response.ok ? ((await response.json()) as PackedAnswer) : null;
  // The assignment banner counts again (reveal after posting may have unlocked classmates' notes).
  if (body) window.dispatchEvent(new Event(INDEX_CHANGED_EVENT));
  return answerOf(response.status, response.headers.get("ETag"), body);
}
