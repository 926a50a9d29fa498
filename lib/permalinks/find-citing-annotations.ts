import "server-only";
import { loadMemberships, placeOf, PLACE_SELECT } from "@/lib/annotations/access";
import { loadPeerNames } from "@/lib/assignments/anonymity";
import type { PersonView } from "@/lib/annotations/types";
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
  /** Named as cards name them (a classmate on an anonymous assignment: their pseudonym); no id. */
  author: Omit<PersonView, "id">;
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
      ...PLACE_SELECT,
      id: true,
      parentId: true,
      bodyText: true,
      quoteExact: true,
      createdAt: true,
      hiddenAt: true,
      author: { select: { id: true, name: true } },
      source: { select: { slug: true } },
      parent: { select: { ...PLACE_SELECT.parent.select, quoteExact: true } },
    },
  });
  const names = await loadPeerNames(actor, memberships, rows.map(placeOf));
  return rows.map((row) => ({
    id: row.id,
    threadId: row.parentId ?? row.id,
    isReply: row.parentId !== null,
    source: row.source,
    author: withoutId(names(placeOf(row), row.author)),
    excerpt: excerptOf(row.bodyText),
    quote: row.parent ? row.parent.quoteExact : row.quoteExact,
    createdAt: row.createdAt.toISOString(),
    hidden: row.hiddenAt !== null,
  }));
}

function withoutId({ name, pseudonym }: PersonView): Omit<PersonView, "id"> {
  return pseudonym === undefined ? { name } : { name, pseudonym };
}

/** The first CITING_EXCERPT_LENGTH characters (code points) of a text, spaces collapsed. */
function excerptOf(text: string): string {
  const characters = [...text.replace(/\s+/gu, " ").trim()];
  if (characters.length <= CITING_EXCERPT_LENGTH) return characters.join("");
  return `${characters.slice(0, CITING_EXCERPT_LENGTH).join("").trimEnd()}…`;
}
