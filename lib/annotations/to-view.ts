import type { JSONContent } from "@tiptap/core";
import { annotationPermissions, type Actor, type MembershipRole } from "@/lib/auth/policy";
import { roleIn, type AnnotationRow } from "./access.ts";
import type {
  AnchorView,
  AnnotationKind,
  AnnotationView,
  AnnotationVisibility,
  HiddenView,
  ReplyView,
} from "./types.ts";

type DbKind = "HIGHLIGHT" | "COMMENT" | "QUESTION";
type DbVisibility = "PRIVATE" | "INSTRUCTORS" | "GROUP";

export const toKind = (kind: DbKind) => kind.toLowerCase() as AnnotationKind;
export const toVisibility = (visibility: DbVisibility) => visibility.toLowerCase() as AnnotationVisibility;
export const fromKind = (kind: AnnotationKind) => kind.toUpperCase() as DbKind;
export const fromVisibility = (visibility: AnnotationVisibility) => visibility.toUpperCase() as DbVisibility;

function hiddenView(row: AnnotationRow): HiddenView | null {
  if (!row.hiddenAt) return null;
  return {
    reason: row.hiddenReason ?? "",
    by: row.hiddenBy ?? { id: "", name: "" },
    at: row.hiddenAt.toISOString(),
  };
}

/**
 * What the actor may do with an annotation or reply: the policy's answer for their role in its group
 * (a reply is moderated under its thread's visibility; replies take no replies of their own).
 */
export function permissionsOf(row: AnnotationRow, actor: Actor, memberships: readonly MembershipRole[]) {
  const permissions = annotationPermissions(actor, roleIn(memberships, row.groupId), {
    authorId: row.authorId,
    groupId: row.groupId,
    visibility: row.parent?.visibility ?? row.visibility,
    deleted: row.deletedAt !== null,
  });
  return row.parentId === null ? permissions : { ...permissions, reply: false };
}

/** A reply as its reader sees it; the body's JSON only goes to its author (the one who edits it). */
export function toReplyView(
  row: AnnotationRow,
  actor: Actor,
  memberships: readonly MembershipRole[],
): ReplyView {
  const mine = actor?.userId === row.authorId;
  return {
    id: row.id,
    author: row.author,
    mine,
    body: mine && row.deletedAt === null ? (row.body as JSONContent | null) : null,
    bodyHtml: row.deletedAt === null ? row.bodyHtml : "",
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    hidden: hiddenView(row),
    can: permissionsOf(row, actor, memberships),
  };
}

/** An annotation as its reader sees it, placed by `anchor` in the edition being read. */
export function toAnnotationView(
  row: AnnotationRow,
  anchor: AnchorView,
  replies: AnnotationRow[],
  actor: Actor,
  memberships: readonly MembershipRole[],
): AnnotationView {
  const mine = actor?.userId === row.authorId;
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    kind: toKind(row.kind),
    visibility: toVisibility(row.visibility),
    groupId: row.groupId,
    author: row.author,
    mine,
    quote: { exact: row.quoteExact },
    anchor,
    editionNumber: row.edition.number,
    body: mine && !deleted ? (row.body as JSONContent | null) : null,
    bodyHtml: deleted ? "" : row.bodyHtml,
    tags: deleted ? [] : row.tags,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted,
    hidden: hiddenView(row),
    replies: replies.map((reply) => toReplyView(reply, actor, memberships)),
    can: permissionsOf(row, actor, memberships),
  };
}
