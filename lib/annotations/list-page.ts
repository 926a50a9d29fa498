import "server-only";
import { createHash } from "node:crypto";
import { annotationReadWhere, withheldThreadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { invalidField } from "@/lib/http/errors";
import { tagOf } from "./annotation-tags.ts";
import { listOf } from "./list-annotations.ts";
import { openList, type ListScope } from "./open-list.ts";
import { encodePageCursor, type PageCursor } from "./page-cursor.ts";
import { PageSizeSchema } from "./schemas.ts";
import type { AnnotationPageView } from "./types.ts";

/** Which page: the group as for the list (`group`: an id, "none", or undefined for the current one). */
export interface PageRequest {
  group?: string;
  /** Threads on the page, 1 to MAX_PAGE_LIMIT. */
  limit: number;
  /** The previous page's `next`, decoded (page-cursor.ts); none for the first page. */
  after?: PageCursor;
}

/** The route parsed `?limit=` already (schemas.ts); a script calling the service gets the same answer. */
function checkLimit(limit: number): void {
  if (!PageSizeSchema.safeParse(limit).success) throw invalidField("limit", "pageLimitInvalid");
}

/**
 * One page of the annotations on a source that the actor reads (the same threads as
 * `listAnnotations`: same scope, same policy, each with its visible replies and placed in the latest
 * edition), in creation order: oldest first, ties broken by id. A new thread sorts after every
 * existing one, so a client following `next` from the first page to the last gets every thread once;
 * one made meanwhile turns up on a later page. (A thread that becomes readable later — shared,
 * unhidden — keeps its place, so a sync that had passed it finds it only by starting over.)
 * `sentenceCounts` counts this page's threads only. Anonymous: UNAUTHENTICATED. A group the actor is
 * not in: NOT_FOUND. A limit outside 1–200: INVALID.
 */
export async function listAnnotationPage(
  actor: Actor,
  slug: string,
  request: PageRequest,
): Promise<AnnotationPageView> {
  checkLimit(request.limit);
  return pageOf(await openList(actor, slug, request.group), actor, request);
}

/**
 * For the list route with `?limit=`: the page's tag (ETag), and the page unless `ifNoneMatch` is that
 * tag already. The tag is the whole list's (it changes whenever anything the list could show changes)
 * bound to the limit and cursor, so each page has its own and none outlives a change.
 */
export async function annotationPageUnlessUnchanged(
  actor: Actor,
  slug: string,
  request: PageRequest,
  ifNoneMatch: string | null,
): Promise<{ tag: string; page: AnnotationPageView | null }> {
  checkLimit(request.limit);
  const list = await openList(actor, slug, request.group);
  const listTag = await tagOf(list, actor!.userId, "list");
  const after = request.after ? encodePageCursor(request.after) : "";
  const state = ["page", listTag, request.limit, after].join("|");
  const tag = `"${createHash("sha256").update(state).digest("base64url").slice(0, 27)}"`;
  return { tag, page: tag === ifNoneMatch ? null : await pageOf(list, actor, request) };
}

async function pageOf(list: ListScope, actor: Actor, request: PageRequest): Promise<AnnotationPageView> {
  const { limit, after } = request;
  // The page's roots first, by keyset: ids and times only, one row past the page to tell whether
  // another follows. The cards are then made exactly as the list makes them.
  const keyset: Prisma.AnnotationWhereInput[] = after
    ? [{ OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }]
    : [];
  const rows = await db.annotation.findMany({
    where: {
      sourceId: list.source.id,
      parentId: null,
      OR: [
        { AND: [list.scope, annotationReadWhere(actor, list.memberships)] },
        withheldThreadWhere(actor, list.memberships, list.scope),
      ],
      AND: keyset,
    },
    select: { id: true, createdAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodePageCursor(last) : null;

  const { annotations, ...view } = await listOf(
    list,
    actor,
    page.map((row) => row.id),
  );
  // The list comes in text order; a page keeps the order it was cut in.
  const position = new Map(page.map((row, n) => [row.id, n]));
  annotations.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { ...view, annotations, next };
}
