import type { JSONContent } from "@tiptap/core";
import { annotationMarkPermissions, annotationPermissions } from "@/lib/auth/policy";
import { placeOf, roleIn, type AnnotationRow, type CardReader } from "./access.ts";
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
 * What the reader may do with an annotation or reply: the policy's answer for their role in its
 * group and its author's (a reply is moderated under its thread's visibility; replies take no replies
 * of their own).
 */
export function permissionsOf(row: AnnotationRow, reader: CardReader, withheld = false) {
  const permissions = annotationPermissions(reader.actor, roleIn(reader.memberships, row.groupId), {
    authorId: row.authorId,
    authorRole: reader.authorRoles(row.groupId, row.authorId),
    groupId: row.groupId,
    visibility: row.parent?.visibility ?? row.visibility,
    deleted: row.deletedAt !== null,
    withheld,
  });
  return row.parentId === null ? permissions : { ...permissions, reply: false };
}

/** What the reader sees of an annotation's marks and highlight, and whether they may change them. */
function marksOf(row: AnnotationRow, reader: CardReader, withheld: boolean) {
  const deleted = row.deletedAt !== null;
  const can = annotationMarkPermissions(reader.actor, roleIn(reader.memberships, row.groupId), {
    authorId: row.authorId,
    groupId: row.groupId,
    parentId: row.parentId,
    visibility: row.visibility,
    deleted,
    withheld,
  });
  return {
    helpful: {
      count: withheld ? 0 : row.helpfulCount,
      marked: !withheld && (reader.marked?.has(row.id) ?? false),
      canMark: can.markHelpful,
    },
    featured: { featured: !withheld && !deleted && row.featuredAt !== null, canFeature: can.feature },
  };
}

/** A note (or reply) in a group the reader no longer belongs to: read-only, their own work. */
function fromLeftGroup(row: AnnotationRow, reader: CardReader): boolean {
  return row.groupId !== null && roleIn(reader.memberships, row.groupId) === null;
}

/** A reply as its reader sees it; the body's JSON only goes to its author (the one who edits it). */
export function toReplyView(row: AnnotationRow, reader: CardReader): ReplyView {
  const mine = reader.actor?.userId === row.authorId;
  return {
    id: row.id,
    author: reader.peerNames(placeOf(row), row.author),
    mine,
    body: mine && row.deletedAt === null ? (row.body as JSONContent | null) : null,
    bodyHtml: row.deletedAt === null ? row.bodyHtml : "",
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    hidden: hiddenView(row),
    can: permissionsOf(row, reader),
  };
}

/**
 * A thread's root as shown to a reader who no longer reads it but reads their own replies in it
 * (the thread was narrowed or hidden, or they left its group): only where it is (the source's own
 * text) and when it was made; its kind, author, visibility, body and tags are withheld (placeholders:
 * "comment", nobody, "private", empty).
 */
export function toWithheldView(
  row: AnnotationRow,
  anchor: AnchorView,
  replies: AnnotationRow[],
  reader: CardReader,
): AnnotationView {
  return {
    id: row.id,
    kind: "comment",
    visibility: "private",
    groupId: row.groupId,
    author: { id: "", name: "" },
    mine: false,
    quote: { exact: row.quoteExact },
    anchor,
    editionNumber: row.edition.number,
    body: null,
    bodyHtml: "",
    tags: [],
    createdAt: row.createdAt.toISOString(),
    editedAt: null,
    deleted: false,
    hidden: null,
    withheld: true,
    leftGroup: fromLeftGroup(row, reader),
    replies: replies.map((reply) => toReplyView(reply, reader)),
    can: { edit: false, delete: false, reply: false, moderate: false },
    ...marksOf(row, reader, true),
  };
}

/** An annotation as its reader sees it, placed by `anchor` in the edition being read. */
export function toAnnotationView(
  row: AnnotationRow,
  anchor: AnchorView,
  replies: AnnotationRow[],
  reader: CardReader,
): AnnotationView {
  const mine = reader.actor?.userId === row.authorId;
  const deleted = row.deletedAt !== null;
  return {
    id: row.id,
    kind: toKind(row.kind),
    visibility: toVisibility(row.visibility),
    groupId: row.groupId,
    author: reader.peerNames(placeOf(row), row.author),
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
    withheld: false,
    leftGroup: fromLeftGroup(row, reader),
    replies: replies.map((reply) => toReplyView(reply, reader)),
    can: permissionsOf(row, reader),
    ...marksOf(row, reader, false),
  };
}
