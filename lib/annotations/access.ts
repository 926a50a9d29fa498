import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import {
  annotationReadWhere,
  canInGroup,
  replyReadWhere,
  type Actor,
  type MembershipRole,
  type NotePlace,
} from "@/lib/auth/policy";
import { loadPeerNames, type PeerNames } from "@/lib/assignments/anonymity";
import { findWithheldRanges, type RevealClient } from "@/lib/assignments/find-withheld-ranges";
import { findAnonymousScopes } from "@/lib/assignments/find-anonymous-scopes";
import { NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

export type Client = Pick<PrismaClient, "membership" | "annotation">;

/**
 * The actor's groups and roles, read afresh for each request (roles change, members leave), with
 * what is withheld from them as a student (reveal after posting and small groups: findWithheldRanges),
 * so every read through the policy (`annotationReadWhere`) holds it, and where peers are shown to them
 * under pseudonyms (anonymous to peers: findAnonymousScopes), so every view of an author holds that.
 * Two queries at once (their groups, and whether any assignment with one of those options concerns
 * them as a student); a few more (a fixed number) only when one does, whatever the number of
 * assignments, students or annotations. Every request of every reader pays this, so the common case
 * (no such assignment) stays at two.
 */
export async function loadMemberships(
  client: Pick<PrismaClient, "membership"> & RevealClient,
  actor: Actor,
): Promise<MembershipRole[]> {
  if (!actor) return [];
  const { userId } = actor;
  const [memberships, concerned] = await Promise.all([
    client.membership.findMany({ where: { userId }, select: { groupId: true, role: true } }),
    client.assignment.findFirst({
      where: {
        OR: [
          { revealAfterPosting: true },
          { discussionGroupSize: { not: null } },
          { anonymousToPeers: true },
        ],
        group: { memberships: { some: { userId, role: "STUDENT" } } },
      },
      select: { id: true },
    }),
  ]);
  if (!concerned) return memberships;
  const [withheld, anonymous] = await Promise.all([
    findWithheldRanges(client, userId),
    findAnonymousScopes(client, userId),
  ]);
  return memberships.map((m) => {
    if (m.role !== "STUDENT") return m;
    const ranges = withheld.get(m.groupId);
    const scope = anonymous.get(m.groupId);
    return { ...m, ...(ranges && { withheld: ranges }), ...(scope && { anonymous: scope }) };
  });
}

/** An annotation's own columns, without its JSON body (read only where it is edited) or relations. */
export const ANNOTATION_COLUMNS = {
  id: true,
  parentId: true,
  sourceId: true,
  editionId: true,
  groupId: true,
  authorId: true,
  kind: true,
  visibility: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  positionStart: true,
  positionEnd: true,
  bodyHtml: true,
  tags: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  hiddenAt: true,
  hiddenReason: true,
  hiddenById: true,
  helpfulCount: true,
  featuredAt: true,
} satisfies Prisma.AnnotationSelect;

/** The columns an annotation or reply is shown with, and the people and edition it names. */
export const ANNOTATION_SELECT = {
  ...ANNOTATION_COLUMNS,
  body: true,
  author: { select: { id: true, name: true } },
  edition: { select: { number: true } },
  hiddenBy: { select: { id: true, name: true } },
  parent: {
    select: { visibility: true, deletedAt: true, editionId: true, positionStart: true, positionEnd: true },
  },
} satisfies Prisma.AnnotationSelect;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ select: typeof ANNOTATION_SELECT }>;

/**
 * An annotation or reply the actor may read, by an id from outside; NOT_FOUND otherwise (whether it
 * does not exist or is not theirs to see is not revealed).
 */
export async function findReadableAnnotation(
  client: Client,
  actor: Actor,
  memberships: readonly MembershipRole[],
  id: string,
): Promise<AnnotationRow> {
  const annotationId = parseId(id, "annotationNotFound");
  const row = await client.annotation.findFirst({
    where: {
      id: annotationId,
      OR: [
        { parentId: null, ...annotationReadWhere(actor, memberships) },
        { parentId: { not: null }, ...replyReadWhere(actor, memberships) },
      ],
    },
    select: ANNOTATION_SELECT,
  });
  if (!row) throw new NotFoundError("annotationNotFound");
  return row;
}

/**
 * Saves a new annotation or reply in one INSERT … RETURNING and gives its row as ANNOTATION_SELECT
 * reads it, from the relations the caller already holds (a new row is hidden by no one). A select
 * of relations, or an empty nested write, would make Prisma wrap the insert in a transaction of a
 * statement each; the cross-references to `permalinkIds` are written with it only when there are any.
 */
export async function insertAnnotation(
  client: Pick<PrismaClient, "annotation">,
  data: Omit<Prisma.AnnotationUncheckedCreateInput, "references">,
  permalinkIds: readonly string[],
  relations: Pick<AnnotationRow, "author" | "edition" | "parent">,
): Promise<AnnotationRow> {
  const inserted = await client.annotation.create({
    data: {
      ...data,
      ...(permalinkIds.length > 0 && {
        references: { create: permalinkIds.map((permalinkId) => ({ permalinkId })) },
      }),
    },
    select: { ...ANNOTATION_COLUMNS, body: true },
  });
  return { ...inserted, ...relations, hiddenBy: null };
}

/**
 * The actor as the card of what they just wrote names them: with the name read with their session
 * for this request (Actor.name), else read now; null when the account is gone.
 */
export async function authorOf(
  client: Pick<PrismaClient, "user">,
  actor: NonNullable<Actor>,
): Promise<{ id: string; name: string } | null> {
  if (actor.name !== undefined) return { id: actor.userId, name: actor.name };
  return client.user.findUnique({ where: { id: actor.userId }, select: { id: true, name: true } });
}

/** The actor's role in a group, from their memberships (null: not a member, or no group). */
export function roleIn(memberships: readonly MembershipRole[], groupId: string | null) {
  if (groupId === null) return null;
  return memberships.find((m) => m.groupId === groupId)?.role ?? null;
}

/** The role an annotation's author has in its group now (null: they left it, or a personal note). */
export type AuthorRoles = (groupId: string | null, authorId: string) => GroupRole | null;

/**
 * The roles of the authors of `rows` in the rows' groups, where the actor moderates (elsewhere the
 * answer does not matter: the actor may hide nothing there). One query, none if they moderate nowhere.
 */
export async function loadAuthorRoles(
  client: Pick<PrismaClient, "membership">,
  memberships: readonly MembershipRole[],
  rows: readonly { groupId: string | null; authorId: string }[],
): Promise<AuthorRoles> {
  const moderated = new Set(
    memberships.filter((m) => canInGroup(m.role, "annotation.moderate")).map((m) => m.groupId),
  );
  const groupIds = [
    ...new Set(rows.flatMap((row) => (row.groupId && moderated.has(row.groupId) ? [row.groupId] : []))),
  ];
  if (groupIds.length === 0) return () => null;
  const found = await client.membership.findMany({
    where: {
      groupId: { in: groupIds },
      userId: { in: [...new Set(rows.map((row) => row.authorId))] },
      role: { not: "STUDENT" },
    },
    select: { groupId: true, userId: true, role: true },
  });
  const roles = new Map(found.map((m) => [`${m.groupId}|${m.userId}`, m.role]));
  return (groupId, authorId) => (groupId === null ? null : (roles.get(`${groupId}|${authorId}`) ?? null));
}

/** Who reads a card, and what the policy needs to say what they may do with it. */
export interface CardReader {
  actor: Actor;
  memberships: readonly MembershipRole[];
  authorRoles: AuthorRoles;
  /** The annotations among those shown that the reader marked "helpful" (loadMarked); absent: none. */
  marked?: ReadonlySet<string>;
  /** How the authors are shown to the reader (anonymous to peers: lib/assignments/anonymity.ts). */
  peerNames: PeerNames;
}

/**
 * Which of the thread roots `ids` the actor marked "helpful": their own data, one query beside the
 * cards they asked for (none when there are none), never anyone else's marks.
 */
export async function loadMarked(
  client: Pick<PrismaClient, "annotationMark">,
  actor: Actor,
  ids: readonly string[],
): Promise<ReadonlySet<string>> {
  if (!actor || ids.length === 0) return new Set();
  const marks = await client.annotationMark.findMany({
    where: { userId: actor.userId, annotationId: { in: [...ids] } },
    select: { annotationId: true },
  });
  return new Set(marks.map((mark) => mark.annotationId));
}

/** The columns a row is placed with by the anonymity rule (placeOf), to select beside others. */
export const PLACE_SELECT = {
  groupId: true,
  authorId: true,
  sourceId: true,
  editionId: true,
  positionStart: true,
  positionEnd: true,
  parent: { select: { editionId: true, positionStart: true, positionEnd: true } },
} satisfies Prisma.AnnotationSelect;

/** A row as the anonymity rule places it: a reply with its thread's passage (`parent`). */
export type PlacedRow = Pick<
  AnnotationRow,
  "groupId" | "authorId" | "sourceId" | "editionId" | "positionStart" | "positionEnd"
> & {
  parent: Pick<NonNullable<AnnotationRow["parent"]>, "editionId" | "positionStart" | "positionEnd"> | null;
};

/** Where a note is as the anonymity rule reads it: a reply at its thread's passage. */
export function placeOf(row: PlacedRow): NotePlace {
  const at = row.parent ?? row;
  return {
    groupId: row.groupId,
    authorId: row.authorId,
    sourceId: row.sourceId,
    editionId: at.editionId,
    start: at.positionStart,
    end: at.positionEnd,
  };
}

/**
 * The card reader for `rows`: their authors' roles read where the actor moderates, and the
 * pseudonyms the actor is shown them under where an assignment is anonymous to peers.
 */
export async function cardReader(
  client: Pick<PrismaClient, "membership">,
  actor: Actor,
  memberships: readonly MembershipRole[],
  rows: readonly PlacedRow[],
): Promise<CardReader> {
  const [authorRoles, peerNames] = await Promise.all([
    loadAuthorRoles(client, memberships, rows),
    loadPeerNames(actor, memberships, rows.map(placeOf)),
  ]);
  return { actor, memberships, authorRoles, peerNames };
}
