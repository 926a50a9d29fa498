import type { JSONContent } from "@tiptap/core";
import type {
  AnnotationListView,
  AnnotationView,
  CreateAnnotationInput,
  FeaturedView,
  HelpfulView,
  ReplyView,
  RevisionView,
  UpdateAnnotationInput,
} from "@/lib/annotations/types";
import type { CitedPassage } from "@/lib/permalinks/find-cited-passages";
import { ApiError } from "./api-error";

export { ApiError };

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
 * The cards (whole threads) of the given annotations of a source, in the group the index was read in
 * ("none": personal notes only). Annotations the reader may no longer see are left out.
 */
export async function fetchAnnotationCards(
  sourceSlug: string,
  group: string,
  ids: readonly string[],
): Promise<AnnotationView[]> {
  const query = new URLSearchParams({ group, ids: ids.join(",") });
  const list = await request<AnnotationListView>(
    `/api/sources/${encodeURIComponent(sourceSlug)}/annotations?${query}`,
  );
  return list.annotations;
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

/** Gives (true) or takes back the reader's "helpful" mark; answers the count as it is now. */
export function setHelpfulMark(id: string, marked: boolean): Promise<HelpfulView> {
  return request(`/api/annotations/${encodeURIComponent(id)}/helpful`, { method: marked ? "PUT" : "DELETE" });
}

/** Highlights an annotation for the group (true), or takes the highlight off (the group's staff). */
export function setFeatured(id: string, featured: boolean): Promise<FeaturedView> {
  return request(`/api/annotations/${encodeURIComponent(id)}/featured`, {
    method: featured ? "PUT" : "DELETE",
  });
}

/** The names a member may @mention in a group (its members). */
export async function fetchMentionableMembers(groupId: string): Promise<{ id: string; name: string }[]> {
  const found = await request<{ members: { id: string; name: string }[] }>(
    `/api/groups/${encodeURIComponent(groupId)}/members`,
  );
  return found.members;
}

export function fetchRevisions(id: string): Promise<{ revisions: RevisionView[] }> {
  return request(`/api/annotations/${encodeURIComponent(id)}/revisions`);
}

/** The passage a permalink points at, to show it before citing it (404: `permalinkNotFound`). */
export function fetchCitedPassage(id: string): Promise<CitedPassage> {
  return request(`/api/permalinks/${encodeURIComponent(id)}`);
}

/** The reader's groups, as the header's account menu reads them (`/api/me`); null when signed out. */
export async function fetchMyGroups(): Promise<{ id: string; name: string }[] | null> {
  const me = await request<{ user: unknown; groups?: { id: string; name: string }[] }>("/api/me");
  return me.user ? (me.groups ?? []).map(({ id, name }) => ({ id, name })) : null;
}

/**
 * Makes a group (null: none, personal notes) the reader's current group, through the same form
 * endpoint as the header's picker (it answers with a redirect, which is not followed here).
 */
export async function switchCurrentGroup(groupId: string | null): Promise<void> {
  const form = new FormData();
  form.set("groupId", groupId ?? "");
  form.set("next", window.location.pathname);
  let response: Response;
  try {
    response = await fetch("/api/me/current-group", {
      method: "POST",
      body: form,
      redirect: "manual",
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "networkError", []);
  }
  if (response.type === "opaqueredirect" || response.ok) return;
  const payload = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  throw new ApiError(
    response.status,
    payload?.error?.code ?? "INTERNAL",
    payload?.error?.message ?? "generic",
    [],
  );
}
