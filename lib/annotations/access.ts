import "server-only";
import type { Prisma, PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { annotationReadWhere, replyReadWhere, type Actor, type MembershipRole } from "@/lib/auth/policy";
import { NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

export type Client = Pick<PrismaClient, "membership" | "annotation">;

/** The actor's groups and roles, read afresh for each request (roles change, members leave). */
export async function loadMemberships(client: Pick<PrismaClient, "membership">, actor: Actor) {
  if (!actor) return [];
  return client.membership.findMany({
    where: { userId: actor.userId },
    select: { groupId: true, role: true },
  }) satisfies Promise<MembershipRole[]>;
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
