import "server-only";
import { db } from "@/lib/db";
import { loadMemberships } from "@/lib/annotations/access";
import { annotationReadWhere, onAnonymousReading, replyReadWhere } from "@/lib/auth/policy";
import { deliverNotifications, type NotificationDraft } from "./deliver-notifications.ts";
import { findMentions, summaryOf } from "./mentions.ts";

/**
 * Whether posting this may notify anyone (notifyAnnotationPosted): a reply (its thread's people), or
 * a group's note that may mention someone. When not, the note is not read again after it is saved: a
 * class posting new notes without mentions sends no statements for notifications.
 */
export function mayNotify(posted: {
  groupId: string | null;
  parentId: string | null;
  bodyText: string;
}): boolean {
  return posted.groupId !== null && (posted.parentId !== null || mayMention(posted.bodyText));
}

/** Whether the text may @mention a member (findMentions finds them): it has an "@". */
function mayMention(bodyText: string): boolean {
  return bodyText.includes("@");
}

/**
 * Notifies about a new annotation or reply (after it is saved): for a reply, the author of its thread
 * and everyone who replied in it before ("REPLY"); for either, the members of its group it
 * @mentions ("MENTION", once per person, at most MAX_MENTIONS: a reply's recipient is not also told
 * of a mention). Each recipient must read the new annotation or reply now (`annotationReadWhere` /
 * `replyReadWhere`): a private note, a reply for the instructors only, or a member who has left
 * creates nothing. Its author is never notified. Queries: the annotation, the thread's authors, the
 * group's members, and per candidate (a thread's participants and the mentioned, a handful) their
 * memberships as every read path loads them (with reveal-after-posting's withheld ranges) and one check.
 */
export async function notifyAnnotationPosted(annotationId: string): Promise<number> {
  const posted = await db.annotation.findUnique({
    where: { id: annotationId },
    select: {
      id: true,
      parentId: true,
      groupId: true,
      authorId: true,
      bodyText: true,
      positionStart: true,
      positionEnd: true,
      editionId: true,
      sourceId: true,
      source: { select: { slug: true } },
      parent: { select: { authorId: true, positionStart: true, positionEnd: true } },
    },
  });
  if (!posted || posted.groupId === null) return 0;
  const groupId = posted.groupId;

  const [participants, members, classmatesUnnamed] = await Promise.all([
    posted.parentId === null
      ? []
      : db.annotation.findMany({
          where: { parentId: posted.parentId, id: { not: posted.id }, deletedAt: null },
          distinct: ["authorId"],
          select: { authorId: true },
        }),
    mayMention(posted.bodyText)
      ? db.membership.findMany({
          where: { groupId },
          select: { userId: true, role: true, user: { select: { name: true } } },
        })
      : [],
    mayMention(posted.bodyText) ? writesAnonymously(posted) : false,
  ]);
  const replyTo = new Set(
    posted.parent ? [posted.parent.authorId, ...participants.map((p) => p.authorId)] : [],
  );
  const mentioned = findMentions(
    posted.bodyText,
    members
      // Anonymous to peers: a student there mentions the staff alone, never a classmate.
      .filter((m) => !classmatesUnnamed || m.role !== "STUDENT")
      .map((m) => ({ id: m.userId, name: m.user.name })),
  )
    .filter((id) => !replyTo.has(id))
    .slice(0, MAX_MENTIONS);
  const candidates = [...replyTo, ...mentioned].filter((id) => id !== posted.authorId);
  if (candidates.length === 0) return 0;

  const readers = await readersOf(posted, candidates);
  const path = await pathOf(posted);
  const summary = summaryOf(posted.bodyText);
  const draft = (recipientId: string, kind: "REPLY" | "MENTION"): NotificationDraft => ({
    recipientId,
    kind,
    actorId: posted.authorId,
    groupId,
    annotationId: posted.id,
    summary,
    path,
  });
  return deliverNotifications([
    ...[...replyTo].filter((id) => readers.has(id)).map((id) => draft(id, "REPLY")),
    ...mentioned.filter((id) => readers.has(id)).map((id) => draft(id, "MENTION")),
  ]);
}

/**
 * The most members one note notifies by mentioning them: a roll call of a whole class is not a
 * conversation, and each mention is checked against the policy on its own.
 */
const MAX_MENTIONS = 30;

/** Whether the note's author writes it as a student on a reading of an anonymous assignment. */
async function writesAnonymously(posted: {
  groupId: string | null;
  authorId: string;
  sourceId: string;
  editionId: string;
  positionStart: number | null;
  positionEnd: number | null;
  parent: { positionStart: number | null; positionEnd: number | null } | null;
}): Promise<boolean> {
  const at = posted.parent ?? posted;
  const memberships = await loadMemberships(db, { userId: posted.authorId });
  return onAnonymousReading(memberships, {
    groupId: posted.groupId,
    sourceId: posted.sourceId,
    editionId: posted.editionId,
    start: at.positionStart,
    end: at.positionEnd,
  });
}

/** The candidates who read the annotation or reply now, by the policy module's rules. */
async function readersOf(
  posted: { id: string; parentId: string | null },
  candidates: readonly string[],
): Promise<Set<string>> {
  const found = await Promise.all(
    candidates.map(async (userId) => {
      const actor = { userId };
      // As every read path loads them: with the ranges withheld from a student until they post (reveal).
      const ms = await loadMemberships(db, actor);
      const where = posted.parentId === null ? annotationReadWhere(actor, ms) : replyReadWhere(actor, ms);
      const count = await db.annotation.count({ where: { id: posted.id, deletedAt: null, ...where } });
      return count > 0 ? [userId] : [];
    }),
  );
  return new Set(found.flat());
}

/** The reader's address of the thread: its sentence, with the card's anchor. */
async function pathOf(posted: {
  id: string;
  parentId: string | null;
  editionId: string;
  positionStart: number | null;
  source: { slug: string };
  parent: { positionStart: number | null } | null;
}): Promise<string> {
  const threadId = posted.parentId ?? posted.id;
  const start = posted.parent ? posted.parent.positionStart : posted.positionStart;
  const base = `/sources/${encodeURIComponent(posted.source.slug)}`;
  if (start === null) return `${base}#annotation-${threadId}`;
  const passage = await db.passage.findFirst({
    where: { editionId: posted.editionId, start: { lte: start }, end: { gt: start } },
    select: { number: true },
  });
  return `${base}${passage ? `/${passage.number}` : ""}#annotation-${threadId}`;
}
