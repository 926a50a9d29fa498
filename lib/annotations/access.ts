import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import {
  annotationReadWhere,
  canInGroup,
  replyReadWhere,
  type Actor,
  type MembershipRole,
} from "@/lib/auth/policy";
import { findWithheldRanges, type RevealClient } from "@/lib/assignments/find-withheld-ranges";
import { NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

export type Client = Pick<PrismaClient, "membership" | "annotation">;

/**
 * The actor's groups and roles, read afresh for each request (roles change, members leave), with
 * what is withheld from them as a student (reveal after posting and small groups: findWithheldRanges),
 * so every read through the policy (`annotationReadWhere`) holds it. Three queries; a few more (a fixed
 * number) when an assignment with reveal or small groups concerns them, whatever the number of
 * assignments, students or annotations.
 */
export async function loadMemberships(
  client: Pick<PrismaClient, "membership"> & RevealClient,
  actor: Actor,
): Promise<MembershipRole[]> {
  if (!actor) return [];
  const [memberships, withheld] = await Promise.all([
    client.membership.findMany({
      where: { userId: actor.userId },
      select: { groupId: true, role: true },
    }),
    findWithheldRanges(client, actor.userId),
  ]);
  return memberships.map((m) => {
    const ranges = m.role === "STUDENT" ? withheld.get(m.groupId) : undefined;
    return ranges ? { ...m, withheld: ranges } : m;
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
  parent: { select: { visibility: true, deletedAt: true } },
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

/** The card reader for `rows` (their authors' roles read where the actor moderates). */
export async function cardReader(
  client: Pick<PrismaClient, "membership">,
  actor: Actor,
  memberships: readonly MembershipRole[],
  rows: readonly { groupId: string | null; authorId: string }[],
): Promise<CardReader> {
  return { actor, memberships, authorRoles: await loadAuthorRoles(client, memberships, rows) };
}
