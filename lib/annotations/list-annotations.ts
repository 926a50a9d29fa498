import "server-only";
import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import {
  annotationReadWhere,
  readingTier,
  replyInReadThreadWhere,
  replyReadWhere,
  withheldThreadWhere,
  type Actor,
  type MembershipRole,
} from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { ANNOTATION_COLUMNS, cardReader, loadMemberships, type AnnotationRow } from "./access.ts";
import { cachedIndex, rememberIndex } from "./index/cache.ts";
import { NO_PART, partState, readIndexPart, textOrder } from "./index/part.ts";
import { packIndex } from "./index/wire.ts";
import { sharedPart, sharedState, type SharedPartScope } from "./index/shared-part.ts";
import { PASSAGE_RANGES, placeInEdition, type PassageRange } from "./place-in-edition.ts";
import { toAnnotationView, toWithheldView } from "./to-view.ts";
import type {
  AnchorView,
  AnnotationIndexView,
  AnnotationSummary,
  AnnotationListView,
  AnnotationView,
  ListedGroupView,
} from "./types.ts";

/**
 * Plain columns only: people and edition numbers are looked up once for the whole list rather than
 * joined into every row, and the editable JSON body is read only for the caller's own annotations.
 */
const LIST_SELECT = ANNOTATION_COLUMNS;

type ListRow = Prisma.AnnotationGetPayload<{ select: typeof LIST_SELECT }>;

/** What every list of a source starts from: the source, the edition shown, and whose annotations. */
export interface ListScope {
  source: { id: string; slug: string };
  edition: { id: string; number: number; text: string; passages: PassageRange[] };
  memberships: MembershipRole[];
  /**
   * The listed group's annotations, the actor's personal notes, and the actor's own work in groups
   * they have left (read-only for them; replies live in the same scope).
   */
  scope: Prisma.AnnotationWhereInput;
  group: ListedGroupView | null;
}

/**
 * The source with its latest edition, the group to list (`group`: an id; "none": no group;
 * undefined: the actor's current group) and the actor's memberships. Anonymous: UNAUTHENTICATED. A
 * group the actor is not in: NOT_FOUND.
 */
export async function openList(actor: Actor, slug: string, group: string | undefined): Promise<ListScope> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const [source, groupRow, memberships] = await Promise.all([
    db.source.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        editions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { id: true, number: true, text: true, passages: PASSAGE_RANGES },
        },
      },
    }),
    resolveGroup(actor, group).then((groupId) =>
      groupId ? db.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } }) : null,
    ),
    loadMemberships(db, actor),
  ]);
  const edition = source?.editions[0];
  if (!source || !edition) throw new NotFoundError("sourceNotFound");
  const role = memberships.find((m) => m.groupId === groupRow?.id)?.role;
  const own: Prisma.AnnotationWhereInput[] = [
    { groupId: null, authorId: actor.userId },
    { groupId: { not: null, notIn: memberships.map((m) => m.groupId) }, authorId: actor.userId },
  ];
  return {
    source,
    edition,
    memberships,
    scope: { OR: groupRow ? [{ groupId: groupRow.id }, ...own] : own },
    group: groupRow && role ? { id: groupRow.id, name: groupRow.name, role } : null,
  };
}

/** Adds each anchored, live annotation to the counts of the sentences it touches. */
function countSentences(anchors: Iterable<{ anchor: AnchorView; deleted: boolean }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { anchor, deleted } of anchors) {
    if (anchor.status !== "anchored" || deleted) continue;
    for (let n = anchor.firstSentence; n <= anchor.lastSentence; n++) counts[n] = (counts[n] ?? 0) + 1;
  }
  return counts;
}

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

/** For the list route: its tag (ETag), and the list unless `ifNoneMatch` is that tag already. */
export async function annotationListUnlessUnchanged(
  actor: Actor,
  slug: string,
  group: string | undefined,
  ifNoneMatch: string | null,
): Promise<{ tag: string; list: AnnotationListView | null }> {
  const list = await openList(actor, slug, group);
  const tag = await tagOf(list, actor!.userId, "list");
  return { tag, list: tag === ifNoneMatch ? null : await listOf(list, actor) };
}

export async function listOf(
  list: ListScope,
  actor: Actor,
  ids?: readonly string[],
): Promise<AnnotationListView> {
  const { source, edition, memberships, scope, group: listed } = list;
  const userId = actor!.userId;
  const only = ids ? { in: [...ids] } : undefined;
  const [roots, replyRows, editions] = await Promise.all([
    db.annotation.findMany({
      where: {
        id: only,
        sourceId: source.id,
        parentId: null,
        AND: [scope, annotationReadWhere(actor, memberships)],
      },
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

  const [people, bodies, reader] = await Promise.all([
    peopleById([...roots, ...replies]),
    ownBodies([...roots, ...replies], userId),
    cardReader(db, actor, memberships, [...roots, ...replies]),
  ]);
  const editionsById = new Map(editions.map((e) => [e.id, { number: e.number }]));
  // The rows are this function's own, so they are completed in place: copying thousands of query
  // results with a spread took twice as long as everything else done with them.
  const hydrate = (row: ListRow, parentVisibility: AnnotationRow["visibility"] | null): AnnotationRow =>
    Object.assign(row, {
      body: bodies.get(row.id) ?? null,
      author: people.get(row.authorId) ?? { id: row.authorId, name: "" },
      hiddenBy: row.hiddenById ? (people.get(row.hiddenById) ?? null) : null,
      edition: editionsById.get(row.editionId) ?? { number: 0 },
      parent: parentVisibility ? { visibility: parentVisibility, deletedAt: null } : null,
    });

  const visibilityOf = new Map([...roots, ...withheldRoots].map((root) => [root.id, root.visibility]));
  const repliesByRoot = new Map<string, AnnotationRow[]>();
  for (const reply of replies) {
    const list = repliesByRoot.get(reply.parentId!) ?? [];
    list.push(hydrate(reply, visibilityOf.get(reply.parentId!)!));
    repliesByRoot.set(reply.parentId!, list);
  }

  const place = (row: ListRow) => placeInEdition(edition.text, edition.passages, row);
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
    source: { slug: source.slug, editionNumber: edition.number },
    group: listed,
    annotations: views,
    sentenceCounts: countSentences(views),
  };
}

/**
 * The same threads as `listAnnotations` (same scope, same policy), each as a summary: its place in
 * the latest edition, kind, author, tags, whether deleted or hidden; the index's version is its tag.
 * The reader draws every highlight from it and fetches cards as the panel shows them.
 */
export async function listAnnotationIndex(
  actor: Actor,
  slug: string,
  group?: string,
): Promise<AnnotationIndexView> {
  const list = await openList(actor, slug, group);
  return indexOf(list, actor!.userId, await stateOf(list, actor!.userId, "index"));
}

/**
 * For the index route: its tag (ETag), and unless `ifNoneMatch` is that tag already (the reader
 * polling: nothing changed, so nothing is read but three small aggregates at once), the index as
 * packed JSON (index/wire.ts) — from this instance's cache when it served the same tag before. A
 * new index is sent, and kept, under its own version (indexOf), which may be newer than the tag.
 */
export async function annotationIndexJsonUnlessUnchanged(
  actor: Actor,
  slug: string,
  group: string | undefined,
  ifNoneMatch: string | null,
): Promise<{ tag: string; json: string | null }> {
  const list = await openList(actor, slug, group);
  const state = await stateOf(list, actor!.userId, "index");
  if (state.tag === ifNoneMatch) return { tag: state.tag, json: null };
  const json = cachedIndex(state.tag);
  if (json !== undefined) return { tag: state.tag, json };
  // Read now, the index may be newer than `state`: it is sent and kept under its own version.
  const index = await indexOf(list, actor!.userId, state);
  const packed = JSON.stringify(packIndex(index));
  rememberIndex(index.version, packed);
  return { tag: index.version, json: index.version === ifNoneMatch ? null : packed };
}

/**
 * The index is made of two parts: what every member of the reader's tier in the group reads there
 * (`groupSharedReadWhere`: read once per group and state, and kept for the tier), and the reader's own
 * annotations in scope (a small query each time). Together they are exactly `annotationReadWhere`
 * within the scope, as the integration tests check against the list; threads withheld from the reader
 * but holding their replies (`withheldThreadWhere`) come as placeholders, as in the list. Its version
 * is made from the states of the parts as read (each part's rows give its state), not from `state`,
 * read before them: so a version always names the threads it came with, and a change committed in
 * between can never leave threads of one state under the version of another (cached by this
 * instance, or by the reader and answered 304), to be served again when the group returns to that
 * state. Withheld threads add nothing to it: which threads are withheld changes only with the
 * reader's own replies (the replies' state) or with a root leaving what the reader reads (the parts'
 * states), and nothing of their roots may reach the reader, not even when they were last changed;
 * the version stays the live connection's tag (tagOf), so a reader is not sent to fetch it twice.
 */
async function indexOf(list: ListScope, userId: string, state: IndexState): Promise<AnnotationIndexView> {
  const { source, edition, scope, group, memberships } = list;
  const [shared, own, withheld] = await Promise.all([
    state.shared ? sharedPart(state.shared.scope, state.shared.state) : NO_PART,
    readIndexPart(list, ownWhere(list, userId), { userId }, true),
    readIndexPart(list, withheldThreadWhere({ userId }, memberships, scope), { userId }, false),
  ]);
  // The reader's own annotations in the shared part are in their own part too (marked as theirs).
  // Withheld threads (only the reader's replies are theirs to read) show nothing of their root.
  const annotations = [
    ...shared.annotations.filter((a) => a.authorId !== userId),
    ...own.annotations,
    ...withheld.annotations.map((a): AnnotationSummary => ({
      ...a,
      kind: "comment",
      authorId: "",
      tags: [],
      deleted: false,
      hidden: false,
    })),
  ];
  annotations.sort(textOrder);
  const named = new Set(annotations.map((a) => a.authorId));
  const people = new Map([...shared.people, ...own.people].map((person) => [person.id, person]));
  return {
    source: { slug: source.slug, editionNumber: edition.number },
    group,
    version: tagFrom(list, userId, "index", [shared.state, own.state, state.replies]),
    // Only the authors of what is listed: the index names nobody else.
    people: [...people.values()].filter((person) => named.has(person.id)),
    annotations,
    sentenceCounts: countSentences(annotations),
  };
}

/** The reader's own annotations in scope: their part of the index. */
function ownWhere(list: ListScope, userId: string): Prisma.AnnotationWhereInput {
  return { authorId: userId, AND: [list.scope] };
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

/**
 * A tag that changes whenever the list the actor would get may change: any annotation or reply they
 * may read added, changed (edits, hiding) or removed, a new edition, or the actor's role — and with
 * nothing they may not read. A few aggregate queries, so a reader polling for others' work is
 * answered "304 Not Modified" cheaply. It is a hash of counts and times of what they read.
 */
export async function annotationListTag(
  actor: Actor,
  slug: string,
  group?: string,
  representation: "list" | "index" = "list",
): Promise<string> {
  return tagOf(await openList(actor, slug, group), actor!.userId, representation);
}

export async function tagOf(
  list: ListScope,
  userId: string,
  representation: "list" | "index",
): Promise<string> {
  return (await stateOf(list, userId, representation)).tag;
}

/** What a list or index is made from: its tag, and for the index, the states of what it is read from. */
interface IndexState {
  tag: string;
  /** Where the part the reader's tier shares is read and its state (sharedState); null without a group. */
  shared: { scope: SharedPartScope; state: string } | null;
  /** The state of the replies the reader reads: in the index's version, though not in the index. */
  replies: string;
}

async function stateOf(
  list: ListScope,
  userId: string,
  representation: "list" | "index",
): Promise<IndexState> {
  // Counted over what the reader may read only: another reader's private note, or a hidden one a
  // student does not see, leaves the tag as it was, so not even the timing of a change they may not
  // see reaches them (and their poll stays a 304). Small aggregates: the group's part the reader's
  // tier shares (the state of that part), and for the list every thread root and reply the reader
  // reads; for the index the reader's own part and the replies they read, so that its version can
  // be made again from the parts as read (indexOf).
  const actor = { userId };
  const tier = readingTier(list.group?.role);
  const sharedScope: SharedPartScope | null =
    list.group && tier ? { source: list.source, edition: list.edition, groupId: list.group.id, tier } : null;
  const readable = (where: Prisma.AnnotationWhereInput) =>
    db.annotation
      .aggregate({
        where: { sourceId: list.source.id, AND: [list.scope, where] },
        _count: { _all: true },
        _max: { updatedAt: true },
      })
      .then((stats) => `${stats._count._all}|${stats._max.updatedAt?.getTime() ?? 0}`);
  const replies = { parentId: { not: null }, AND: [replyReadWhere(actor, list.memberships)] };
  const [shared, ...states] = await Promise.all([
    sharedScope ? sharedState(sharedScope) : "",
    ...(representation === "list"
      ? [
          readable({
            OR: [{ parentId: null, AND: [annotationReadWhere(actor, list.memberships)] }, replies],
          }),
        ]
      : [partState(list.source, ownWhere(list, userId)), readable(replies)]),
  ]);
  return {
    tag: tagFrom(list, userId, representation, [shared, ...states]),
    shared: sharedScope ? { scope: sharedScope, state: shared } : null,
    replies: states[1] ?? "",
  };
}

/** The tag of `representation` for the reader, made from the states of what it is read from. */
function tagFrom(
  list: ListScope,
  userId: string,
  representation: "list" | "index",
  states: readonly (string | number)[],
): string {
  const state = [
    representation,
    userId,
    list.group?.id ?? "",
    list.group?.role ?? "",
    list.edition.number,
    ...states,
  ].join("|");
  return `"${createHash("sha256").update(state).digest("base64url").slice(0, 27)}"`;
}

/** The group to list: the one asked for (checked), none, or the actor's current group if still a member. */
async function resolveGroup(actor: { userId: string }, group: string | undefined): Promise<string | null> {
  if (group === "none") return null;
  if (group !== undefined) {
    await requireGroupPermission(db, actor, group, "group.read");
    return group;
  }
  const user = await db.user.findUnique({
    where: { id: actor.userId },
    select: {
      currentGroupId: true,
      currentGroup: { select: { memberships: { where: { userId: actor.userId }, select: { id: true } } } },
    },
  });
  return user?.currentGroupId && user.currentGroup?.memberships.length ? user.currentGroupId : null;
}
