import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { annotationReadWhere, withheldThreadWhere, type Actor } from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { invalidField } from "@/lib/http/errors";
import { listState, listTag, type ListState } from "./annotation-tags.ts";
import { countSentences } from "./count-sentences.ts";
import { readList, type ListRead } from "./list-annotations.ts";
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
 * bound to the limit and cursor, so each page has its own and none outlives a change; a poll whose
 * tag holds reads nothing but the list's two small aggregates (listState).
 *
 * A page reads only some of the list's rows, so its tag cannot be made from the rows it read, as the
 * list's is; it is the tag of the state read before them, and the page is sent under it only if they
 * were read in that state: the state read again after them is the same, and nothing read was changed
 * since (no root or reply listed is newer than the state, every root of the page's keyset was read
 * again, unchanged, for its card). Otherwise a change committed meanwhile — even one undone again
 * before the second look (a note shared, then made private again) — could leave rows of one state
 * under the tag of another, answered 304 once the group returned to it. The page is then read again
 * in the new state; while changes keep landing, it is sent under a tag no state has, so the next
 * request reads it anew.
 */
export async function annotationPageUnlessUnchanged(
  actor: Actor,
  slug: string,
  request: PageRequest,
  ifNoneMatch: string | null,
): Promise<{ tag: string; page: AnnotationPageView | null }> {
  checkLimit(request.limit);
  const list = await openList(actor, slug, request.group);
  const userId = actor!.userId;
  const after = request.after ? encodePageCursor(request.after) : "";
  const tagIn = (state: ListState) =>
    pageTag(["page", listTag(list, userId, state), request.limit, after].join("|"));
  let state = await listState(list, userId);
  for (let attempt = 1; ; attempt++) {
    const tag = tagIn(state);
    if (tag === ifNoneMatch) return { tag, page: null };
    const read = await readPage(list, actor, request);
    const now = await listState(list, userId);
    if (sameState(now, state) && readIn(read, state)) return { tag, page: read.page };
    if (attempt === PAGE_READS) {
      // Under a tag no state gives (and not compared with after a read): never answered 304.
      return { tag: pageTag(["page moving", randomUUID()].join("|")), page: read.page };
    }
    state = now;
  }
}

/** How many times a page is read while changes land during its reads, before it is sent as read. */
const PAGE_READS = 3;

function pageTag(state: string): string {
  return `"${createHash("sha256").update(state).digest("base64url").slice(0, 27)}"`;
}

function sameState(a: ListState, b: ListState): boolean {
  return (
    a.roots.count === b.roots.count &&
    a.roots.latest === b.roots.latest &&
    a.replies.count === b.replies.count &&
    a.replies.latest === b.replies.latest
  );
}

/**
 * Whether a page was read in `state`, given that the list was in `state` before and after the read.
 * Then whatever committed in between was undone again: a row that left what the reader reads cannot
 * come back without a newer time (a change of visibility, an unhiding), so the only changes undone
 * are rows that came and went again — and those are newer than `state`. So the page was read in
 * `state` if none of its rows is newer than it, and its keyset's roots were all read again for their
 * cards with the times the keyset saw (a root gone between the two reads is missing from the cards).
 */
function readIn(read: PageRead, state: ListState): boolean {
  if (read.state.roots.latest > state.roots.latest) return false;
  if (read.state.replies.latest > state.replies.latest) return false;
  return read.keyset.every((row) => read.changedAt.get(row.id) === row.updatedAt.getTime());
}

interface PageRead {
  page: AnnotationPageView;
  /** The page's keyset as read: its roots and the one after them, with when each last changed. */
  keyset: { id: string; updatedAt: Date }[];
  state: ListRead["state"];
  changedAt: ListRead["changedAt"];
}

async function pageOf(list: ListScope, actor: Actor, request: PageRequest): Promise<AnnotationPageView> {
  return (await readPage(list, actor, request)).page;
}

async function readPage(list: ListScope, actor: Actor, request: PageRequest): Promise<PageRead> {
  const { limit, after } = request;
  // The page's roots first, by keyset: ids and times only, one row past the page to tell whether
  // another follows. The cards are then made exactly as the list makes them, the one past the page
  // with them (then left out), so that every row the keyset saw is read again.
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
    select: { id: true, createdAt: true, updatedAt: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodePageCursor(last) : null;

  const read = await readList(
    list,
    actor,
    rows.map((row) => row.id),
  );
  // The list comes in text order; a page keeps the order it was cut in.
  const position = new Map(page.map((row, n) => [row.id, n]));
  const annotations = read.view.annotations.filter((a) => position.has(a.id));
  annotations.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return {
    page: { ...read.view, annotations, sentenceCounts: countSentences(annotations), next },
    keyset: rows,
    state: read.state,
    changedAt: read.changedAt,
  };
}
