import "server-only";
import { loadMemberships } from "@/lib/annotations/access";
import { annotationReadWhere, replyReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { PERMALINK_ID_PATTERN } from "./permalink-id-pattern.ts";

/** Characters of a citing note's text shown with it: a line or two, not the note. */
export const CITING_EXCERPT_LENGTH = 200;

/** Most citing annotations listed, newest first: a passage's "cited by" is a pointer, not a feed. */
export const MAX_CITING_ANNOTATIONS = 100;

/** An annotation or reply whose body cites a passage, as its "cited by" list shows it. */
export interface CitingAnnotation {
  id: string;
  /** The thread it belongs to: its own id for an annotation, its annotation's for a reply. */
  threadId: string;
  isReply: boolean;
  source: { slug: string };
  author: { name: string };
  /** The start of its text (plain, spaces collapsed), cut at CITING_EXCERPT_LENGTH with "…". */
  excerpt: string;
  /** The passage it annotates (a reply: its thread's). */
  quote: string;
  createdAt: string;
  hidden: boolean;
}

/**
 * The annotations and replies citing a permalink's passage that the actor may read, by the policy's
 * own read rules (`annotationReadWhere` for annotations, `replyReadWhere` for replies), newest first;
 * deleted ones are left out. NOT_FOUND `permalinkNotFound` for a malformed or unknown id (permalinks
 * are public); an anonymous reader reads no annotation, so gets an empty list.
 */
export async function findCitingAnnotations(actor: Actor, permalinkId: string): Promise<CitingAnnotation[]> {
  if (!PERMALINK_ID_PATTERN.test(permalinkId)) throw new NotFoundError("permalinkNotFound");
  const link = await db.permalink.findUnique({ where: { id: permalinkId }, select: { id: true } });
  if (!link) throw new NotFoundError("permalinkNotFound");
  if (!actor) return [];
  const memberships = await loadMemberships(db, actor);
  const rows = await db.annotation.findMany({
    where: {
      references: { some: { permalinkId } },
      deletedAt: null,
      OR: [
        { parentId: null, ...annotationReadWhere(actor, memberships) },
        { parentId: { not: null }, ...replyReadWhere(actor, memberships) },
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_CITING_ANNOTATIONS,
    select: {
      id: true,
      parentId: true,
      bodyText: true,
      quoteExact: true,
      createdAt: true,
      hiddenAt: true,
      author: { select: { name: true } },
      source: { select: { slug: true } },
      parent: { select: { quoteExact: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    threadId: row.parentId ?? row.id,
    isReply: row.parentId !== null,
    source: row.source,
    author: row.author,
    excerpt: excerptOf(row.bodyText),
    quote: row.parent ? row.parent.quoteExact : row.quoteExact,
    createdAt: row.createdAt.toISOString(),
    hidden: row.hiddenAt !== null,
  }));
}

/** The first CITING_EXCERPT_LENGTH characters (code points) of a text, spaces collapsed. */
function excerptOf(text: string): string {
  const characters = [...text.replace(/\s+/gu, " ").trim()];
  if (characters.length <= CITING_EXCERPT_LENGTH) return characters.join("");
  return `${characters.slice(0, CITING_EXCERPT_LENGTH).join("").trimEnd()}…`;
}
