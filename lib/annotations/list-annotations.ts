import "server-only";
import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { annotationReadWhere, replyHiddenWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { ANNOTATION_COLUMNS, loadMemberships, type AnnotationRow } from "./access.ts";
import { PASSAGE_RANGES, placeInEdition } from "./place-in-edition.ts";
import { toAnnotationView } from "./to-view.ts";
import type { AnnotationListView, AnnotationView } from "./types.ts";

/**
 * Plain columns only: people and edition numbers are looked up once for the whole list rather than
 * joined into every row, and the editable JSON body is read only for the caller's own annotations.
 */
const LIST_SELECT = ANNOTATION_COLUMNS;

type ListRow = Prisma.AnnotationGetPayload<{ select: typeof LIST_SELECT }>;

/**
 * The annotations on a source that the actor reads, placed in its latest edition: those of one group
 * (`group`: an id; "none": no group; undefined: the actor's current group) and the actor's personal
 * notes, each with its visible replies, plus how many touch each sentence. Orphans come last.
 * Anonymous: UNAUTHENTICATED. A group the actor is not in: NOT_FOUND.
 */
export async function listAnnotations(
  actor: Actor,
  slug: string,
  group?: string,
): Promise<AnnotationListView> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const [source, groupId, memberships] = await Promise.all([
    db.source.findUnique({
      where: { slug },
      select: {
        id: true,
        slug: true,
        editions: {
          orderBy: { number: "desc" },
          take: 1,
          select: {
            number: true,
            text: true,
            passages: PASSAGE_RANGES,
          },
        },
      },
    }),
    resolveGroup(actor, group),
    loadMemberships(db, actor),
  ]);
  const edition = source?.editions[0];
  if (!source || !edition) throw new NotFoundError("sourceNotFound");

  // Annotations of the group, and the caller's personal notes; replies live in the same scope.
  const scope = groupId
    ? { OR: [{ groupId }, { groupId: null, authorId: actor.userId }] }
    : { groupId: null, authorId: actor.userId };
  const [roots, replyRows, editions, groupRow] = await Promise.all([
    db.annotation.findMany({
      where: { sourceId: source.id, parentId: null, AND: [scope, annotationReadWhere(actor, memberships)] },
      select: LIST_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.annotation.findMany({
      where: {
        sourceId: source.id,
        parentId: { not: null },
        AND: [scope, replyHiddenWhere(actor, memberships)],
      },
      select: LIST_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db.edition.findMany({ where: { sourceId: source.id }, select: { id: true, number: true } }),
    groupId ? db.group.findUnique({ where: { id: groupId }, select: { id: true, name: true } }) : null,
  ]);
  // A reply is read only in a thread whose root the caller reads (the root query applied the policy).
  const rootIds = new Set(roots.map((root) => root.id));
  const replies = replyRows.filter((reply) => rootIds.has(reply.parentId!));

  const [people, bodies] = await Promise.all([
    peopleById([...roots, ...replies]),
    ownBodies([...roots, ...replies], actor.userId),
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

  const visibilityOf = new Map(roots.map((root) => [root.id, root.visibility]));
  const repliesByRoot = new Map<string, AnnotationRow[]>();
  for (const reply of replies) {
    const list = repliesByRoot.get(reply.parentId!) ?? [];
    list.push(hydrate(reply, visibilityOf.get(reply.parentId!)!));
    repliesByRoot.set(reply.parentId!, list);
  }

  const sentenceCounts: Record<string, number> = {};
  const views: AnnotationView[] = roots.map((row) => {
    const anchor = placeInEdition(edition.text, edition.passages, row);
    if (anchor.status === "anchored" && row.deletedAt === null) {
      for (let n = anchor.firstSentence; n <= anchor.lastSentence; n++) {
        sentenceCounts[n] = (sentenceCounts[n] ?? 0) + 1;
      }
    }
    return toAnnotationView(hydrate(row, null), anchor, repliesByRoot.get(row.id) ?? [], actor, memberships);
  });
  views.sort(textOrder);

  const role = memberships.find((m) => m.groupId === groupRow?.id)?.role;
  return {
    source: { slug: source.slug, editionNumber: edition.number },
    group: groupRow && role ? { id: groupRow.id, name: groupRow.name, role } : null,
    annotations: views,
    sentenceCounts,
  };
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
 * A tag that changes whenever the list the actor would get may change: any annotation or reply in the
 * listed scope added, changed (edits, hiding) or removed, a new edition, or the actor's role. One
 * aggregate query, so a reader polling for others' work is answered "304 Not Modified" cheaply. It is
 * a hash: it tells nothing about what the actor may not read.
 */
export async function annotationListTag(actor: Actor, slug: string, group?: string): Promise<string> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const [groupId, memberships] = await Promise.all([resolveGroup(actor, group), loadMemberships(db, actor)]);
  const scope = groupId
    ? { OR: [{ groupId }, { groupId: null, authorId: actor.userId }] }
    : { groupId: null, authorId: actor.userId };
  const [source, stats] = await Promise.all([
    db.source.findUnique({
      where: { slug },
      select: { editions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
    }),
    db.annotation.aggregate({
      where: { source: { slug }, ...scope },
      _count: { _all: true },
      _max: { updatedAt: true },
    }),
  ]);
  if (!source) throw new NotFoundError("sourceNotFound");
  const role = memberships.find((m) => m.groupId === groupId)?.role ?? "";
  const state = [
    actor.userId,
    groupId ?? "",
    role,
    source.editions[0]?.number ?? 0,
    stats._count._all,
    stats._max.updatedAt?.getTime() ?? 0,
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

/** Anchored annotations by position (longer first where they start together), then orphans. */
function textOrder(a: AnnotationView, b: AnnotationView): number {
  if (a.anchor.status === "orphan" || b.anchor.status === "orphan") {
    return Number(a.anchor.status === "orphan") - Number(b.anchor.status === "orphan");
  }
  return a.anchor.start - b.anchor.start || b.anchor.end - a.anchor.end;
}
