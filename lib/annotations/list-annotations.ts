import "server-only";
import type { JSONContent } from "@tiptap/core";
import { replyInReadThreadWhere, type Actor } from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { ANNOTATION_COLUMNS, cardReader, loadMarked, type AnnotationRow } from "./access.ts";
import { listRootsWhere, listState, listTag, rowsState, type ListState } from "./annotation-tags.ts";
import { countSentences } from "./count-sentences.ts";
import { textOrder } from "./index/text-order.ts";
import { openList, type ListScope } from "./open-list.ts";
import { findPlacements } from "./find-placements.ts";
import { placeInEdition } from "./place-in-edition.ts";
import { toAnnotationView, toWithheldView } from "./to-view.ts";
import type { AnnotationListView, AnnotationView } from "./types.ts";

/**
 * Plain columns only: people and edition numbers are looked up once for the whole list rather than
 * joined into every row, and the editable JSON body is read only for the caller's own annotations.
 * With each row, when it last changed: the list's tag is made from the rows as read.
 */
const LIST_SELECT = { ...ANNOTATION_COLUMNS, updatedAt: true } satisfies Prisma.AnnotationSelect;

type ListRow = Prisma.AnnotationGetPayload<{ select: typeof LIST_SELECT }>;

/**
 * The annotations on a source that the actor reads, placed in its latest edition: those of one group
 * (`group`: an id; "none": no group; undefined: the actor's current group) and the actor's personal
 * notes, each with its visible replies, plus how many touch each sentence. Orphans come last. With
 * `ids`, only those threads (the cards the reader's panel is about to show); ids the actor may not
 * read are simply absent. Anonymous: UNAUTHENTICATED. A group the actor is not in: NOT_FOUND.
 */
export async function listAnnotations(
  actor: Actor,
  slug: string,
  group?: string,
  ids?: readonly string[],
): Promise<AnnotationListView> {
  return listOf(await openList(actor, slug, group), actor, ids);
}

/**
 * For the list route: its tag (ETag), and the list unless `ifNoneMatch` is that tag already (the
 * reader polling: nothing changed, so nothing is read but two small aggregates, listState). A list
 * read is sent under the tag of the rows it was read from, not under the state read before them: a
 * change committed in between would otherwise leave the rows of one state under the tag of another,
 * and once the group returned to that state (a note shared, then made private again) the reader
 * would be answered 304 with a list that is no longer theirs, until something else changed.
 */
export async function annotationListUnlessUnchanged(
  actor: Actor,
  slug: string,
  group: string | undefined,
  ifNoneMatch: string | null,
): Promise<{ tag: string; list: AnnotationListView | null }> {
  const list = await openList(actor, slug, group);
  const userId = actor!.userId;
  const state = listTag(list, userId, await listState(list, userId));
  if (state === ifNoneMatch) return { tag: state, list: null };
  const read = await readList(list, actor);
  const tag = listTag(list, userId, read.state);
  return { tag, list: tag === ifNoneMatch ? null : read.view };
}

export async function listOf(
  list: ListScope,
  actor: Actor,
  ids?: readonly string[],
): Promise<AnnotationListView> {
  return (await readList(list, actor, ids)).view;
}

/** A list as read, with what its rows say of when they were read. */
export interface ListRead {
  view: AnnotationListView;
  /**
   * The states of the rows read (rowsState): the thread roots the reader reads and the replies
   * listed. With all threads (no `ids`), exactly what listState gives when nothing changed since.
   */
  state: ListState;
  /** When each thread listed (read, or withheld) last changed, by id, as its root was read. */
  changedAt: Map<string, number>;
}

/** The list (listOf), with the states of the rows it was made from. */
export async function readList(list: ListScope, actor: Actor, ids?: readonly string[]): Promise<ListRead> {
  const { source, edition, memberships, scope, group: listed } = list;
  const userId = actor!.userId;
  const only = ids ? { in: [...ids] } : undefined;
  const [roots, replyRows, editions] = await Promise.all([
    db.annotation.findMany({
      where: { id: only, ...listRootsWhere(list, userId) },
      select: LIST_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.annotation.findMany({
      where: {
        sourceId: source.id,
        parentId: only ?? { not: null },
        AND: [scope, replyInReadThreadWhere(actor, memberships)],
      },
      select: LIST_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.edition.findMany({ where: { sourceId: source.id }, select: { id: true, number: true } }),
  ]);
  // Others' replies are read only in threads whose root the caller reads (the root query applied the
  // policy); the caller's own replies in a thread they no longer read make it a withheld thread.
  const rootIds = new Set(roots.map((root) => root.id));
  const withheldIds = new Set(
    replyRows.filter((r) => r.authorId === userId && !rootIds.has(r.parentId!)).map((r) => r.parentId!),
  );
  const replies = replyRows.filter(
    (reply) =>
      rootIds.has(reply.parentId!) || (withheldIds.has(reply.parentId!) && reply.authorId === userId),
  );
  const withheldRoots = withheldIds.size
    ? await db.annotation.findMany({ where: { id: { in: [...withheldIds] } }, select: LIST_SELECT })
    : [];

  const older = [...roots, ...withheldRoots].filter((row) => row.editionId !== edition.id);
  const rootsById = new Map([...roots, ...withheldRoots].map((root) => [root.id, root]));
  const [people, bodies, reader, marked, placements] = await Promise.all([
    peopleById([...roots, ...replies]),
    ownBodies([...roots, ...replies], userId),
    cardReader(db, actor, memberships, [
      ...roots.map((root) => Object.assign(root, { parent: null })),
      ...replies.map((reply) =>
        Object.assign(reply, { parent: threadPlace(rootsById.get(reply.parentId!)!) }),
      ),
    ]),
    loadMarked(
      db,
      actor,
      roots.filter((root) => root.helpfulCount > 0).map((root) => root.id),
    ),
    findPlacements(
      db,
      edition.id,
      older.map((row) => row.id),
    ),
  ]);
  reader.marked = marked;
  const editionsById = new Map(editions.map((e) => [e.id, { number: e.number }]));
  // The rows are this function's own, so they are completed in place: copying thousands of query
  // results with a spread took twice as long as everything else done with them.
  const hydrate = (row: ListRow, parentVisibility: AnnotationRow["visibility"] | null): AnnotationRow =>
    Object.assign(row, {
      body: bodies.get(row.id) ?? null,
      author: people.get(row.authorId) ?? { id: row.authorId, name: "" },
      hiddenBy: row.hiddenById ? (people.get(row.hiddenById) ?? null) : null,
      edition: editionsById.get(row.editionId) ?? { number: 0 },
      parent: parentVisibility
        ? { ...threadPlace(rootsById.get(row.parentId!)!), visibility: parentVisibility, deletedAt: null }
        : null,
    });

  const visibilityOf = new Map([...roots, ...withheldRoots].map((root) => [root.id, root.visibility]));
  const repliesByRoot = new Map<string, AnnotationRow[]>();
  for (const reply of replies) {
    const list = repliesByRoot.get(reply.parentId!) ?? [];
    list.push(hydrate(reply, visibilityOf.get(reply.parentId!)!));
    repliesByRoot.set(reply.parentId!, list);
  }

  const place = (row: ListRow) => placeInEdition(edition.text, edition.passages, row, placements.get(row.id));
  const views: AnnotationView[] = [
    ...roots.map((row) =>
      toAnnotationView(hydrate(row, null), place(row), repliesByRoot.get(row.id) ?? [], reader),
    ),
    ...withheldRoots.map((row) =>
      toWithheldView(hydrate(row, null), place(row), repliesByRoot.get(row.id) ?? [], reader),
    ),
  ];
  views.sort(textOrder);
  return {
    view: {
      source: { slug: source.slug, editionNumber: edition.number },
      group: listed,
      annotations: views,
      sentenceCounts: countSentences(views),
    },
    state: { roots: rowsState(roots), replies: rowsState(replies) },
    changedAt: new Map([...roots, ...withheldRoots].map((row) => [row.id, row.updatedAt.getTime()])),
  };
}

/** Where a thread's root is: where the anonymity rule places its replies. */
function threadPlace(root: ListRow) {
  return { editionId: root.editionId, positionStart: root.positionStart, positionEnd: root.positionEnd };
}

/** Names of the authors (and moderators who hid something) among the rows, by id. */
async function peopleById(rows: ListRow[]) {
  const ids = new Set<string>();
  for (const row of rows) {
    ids.add(row.authorId);
    if (row.hiddenById) ids.add(row.hiddenById);
  }
  const people = await db.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true },
  });
  return new Map(people.map((person) => [person.id, person]));
}

/** The editable JSON of the caller's own live annotations among the rows (others get HTML only). */
async function ownBodies(rows: ListRow[], userId: string): Promise<Map<string, JSONContent>> {
  const ids = rows.filter((row) => row.authorId === userId && row.deletedAt === null).map((row) => row.id);
  if (ids.length === 0) return new Map();
  const found = await db.annotation.findMany({
    where: { id: { in: ids } },
    select: { id: true, body: true },
  });
  return new Map(found.filter((row) => row.body !== null).map((row) => [row.id, row.body as JSONContent]));
}
