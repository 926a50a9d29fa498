import type { JSONContent } from "@tiptap/core";
import type {
  AnnotationListView,
  AnnotationView,
  CreateAnnotationInput,
  ReplyView,
  RevisionView,
  UpdateAnnotationInput,
} from "@/lib/annotations/types";
import type { CitedPassage } from "@/lib/permalinks/find-cited-passages";

/** A refused request: `message` and each problem's message are keys under "errors" in the messages. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: { field: string; message: string }[],
  ) {
    super(message);
    this.name = "ApiError";
  }
}

async function request<T>(url: string, init?: { method: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init?.method ?? "GET",
      headers: init?.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init?.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "networkError", []);
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (
      payload as { error?: { code?: string; message?: string; details?: { problems?: unknown } } } | null
    )?.error;
    const problems = Array.isArray(error?.details?.problems)
      ? (error.details.problems as { field: string; message: string }[])
      : [];
    throw new ApiError(response.status, error?.code ?? "INTERNAL", error?.message ?? "generic", problems);
  }
  return payload as T;
}

/**
 * The list again if it changed since the one tagged `etag` was fetched: "unchanged" when the server
 * answers 304 (the reader polls for the group's new work without downloading the list again).
 */
export async function fetchAnnotationListIfChanged(
  sourceSlug: string,
  etag: string | null,
): Promise<{ list: AnnotationListView; etag: string | null } | "signed-out" | "unchanged"> {
  let response: Response;
  try {
    response = await fetch(`/api/sources/${encodeURIComponent(sourceSlug)}/annotations`, {
      headers: etag ? { "If-None-Match": etag } : undefined,
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "networkError", []);
  }
  if (response.status === 304) return "unchanged";
  if (response.status === 401) return "signed-out";
  if (!response.ok) throw new ApiError(response.status, "INTERNAL", "generic", []);
  return { list: (await response.json()) as AnnotationListView, etag: response.headers.get("ETag") };
}

export function createAnnotation(input: CreateAnnotationInput): Promise<AnnotationView> {
  return request("/api/annotations", { method: "POST", body: input });
}

export function updateAnnotation(
  id: string,
  input: UpdateAnnotationInput,
): Promise<AnnotationView | ReplyView> {
  return request(`/api/annotations/${encodeURIComponent(id)}`, { method: "PATCH", body: input });
}

export function deleteAnnotation(id: string): Promise<{ deleted: "removed" | "tombstone" }> {
  return request(`/api/annotations/${encodeURIComponent(id)}`, { method: "DELETE" });
}

export function replyToAnnotation(id: string, body: JSONContent): Promise<ReplyView> {
  return request(`/api/annotations/${encodeURIComponent(id)}/replies`, { method: "POST", body: { body } });
}

export function hideAnnotation(id: string, reason: string): Promise<{ hidden: true }> {
  return request(`/api/annotations/${encodeURIComponent(id)}/hide`, { method: "POST", body: { reason } });
}

export function unhideAnnotation(id: string): Promise<{ hidden: false }> {
  return request(`/api/annotations/${encodeURIComponent(id)}/hide`, { method: "DELETE" });
}

export function fetchRevisions(id: string): Promise<{ revisions: RevisionView[] }> {
  return request(`/api/annotations/${encodeURIComponent(id)}/revisions`);
}

/** The passage a permalink points at, to show it before citing it (404: `permalinkNotFound`). */
export function fetchCitedPassage(id: string): Promise<CitedPassage> {
  return request(`/api/permalinks/${encodeURIComponent(id)}`);
}
