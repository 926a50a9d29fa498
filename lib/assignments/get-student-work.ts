import "server-only";
import { db } from "@/lib/db";
import { loadMemberships } from "@/lib/annotations/access";
import {
  annotationReadWhere,
  assignmentWorkWhere,
  replyInReadThreadWhere,
  type Actor,
} from "@/lib/auth/policy";
import type { AnnotationKind } from "@/lib/db/generated/prisma/enums.ts";
import { NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";
import { readingOf } from "./progress.ts";
import { BOUNDARY_PASSAGE_SELECT, readingBounds, readingPassagesWhere } from "./reading-bounds.ts";
import { requireAssignment } from "./require-assignment.ts";

export interface ThreadPost {
  id: string;
  authorId: string;
  authorName: string;
  kind: AnnotationKind;
  bodyHtml: string;
  createdAt: Date;
  deleted: boolean;
  hidden: boolean;
  /** Posted by the student whose work this is (and counted for the assignment). */
  studentWork: boolean;
}

/** A thread holding the student's work, whole: its root, quotation and sentences, and its replies. */
export interface StudentThread {
  sourceSlug: string;
  titlePl: string;
  titleEn: string;
  quote: string;
  /** The sentences its passage touches (first and last number), null if none found. */
  sentences: { first: number; last: number } | null;
  root: ThreadPost;
  replies: ThreadPost[];
}

/**
 * For the group's staff: a student's work on an assignment in context. Every thread in which the
 * student posted counted work (an annotation, or a reply, in an assigned reading since opening) is
 * given whole, as far as the asking member of staff reads it (`annotationReadWhere`,
 * `replyInReadThreadWhere`), in reading order. Five queries whatever the size of the group.
 * A student of the group only: NOT_FOUND ("studentNotFound") for anyone else.
 */
export async function getStudentWork(
  actor: Actor,
  assignmentId: string,
  studentId: unknown,
): Promise<{ studentName: string; threads: StudentThread[] }> {
  const { id, groupId } = await requireAssignment(actor, assignmentId, "assignment.grade");
  const userId = parseId(studentId, "studentNotFound");
  const [assignment, student, memberships] = await Promise.all([
    db.assignment.findUniqueOrThrow({
      where: { id },
      select: {
        opensAt: true,
        readings: {
          orderBy: { position: "asc" },
          select: { sourceId: true, firstSentence: true, lastSentence: true },
        },
      },
    }),
    db.membership.findFirst({
      where: { groupId, userId, role: "STUDENT" },
      select: { user: { select: { name: true } } },
    }),
    loadMemberships(db, actor),
  ]);
  if (!student) throw new NotFoundError("studentNotFound");
  const sourceIds = [...new Set(assignment.readings.map((r) => r.sourceId))];
  const [passages, work] = await Promise.all([
    db.passage.findMany({
      where: readingPassagesWhere(assignment.readings),
      select: BOUNDARY_PASSAGE_SELECT,
    }),
    db.annotation.findMany({
      where: {
        ...assignmentWorkWhere(groupId),
        authorId: userId,
        sourceId: { in: sourceIds },
        createdAt: { gte: assignment.opensAt },
      },
      select: {
        id: true,
        parentId: true,
        sourceId: true,
        editionId: true,
        positionStart: true,
        positionEnd: true,
        parent: { select: { positionStart: true, positionEnd: true } },
      },
    }),
  ]);
  const bounds = readingBounds(assignment.readings, passages);
  const counted = work.filter(
    (w) =>
      readingOf(
        {
          authorId: userId,
          reply: w.parentId !== null,
          question: false,
          sourceId: w.sourceId,
          editionId: w.editionId,
          start: w.parent ? w.parent.positionStart : w.positionStart,
          end: w.parent ? w.parent.positionEnd : w.positionEnd,
          words: 0,
          createdAt: assignment.opensAt,
        },
        bounds,
      ) >= 0,
  );
  const countedIds = new Set(counted.map((w) => w.id));
  const threadIds = [...new Set(counted.map((w) => w.parentId ?? w.id))];
  const post = {
    id: true,
    authorId: true,
    kind: true,
    bodyHtml: true,
    createdAt: true,
    deletedAt: true,
    hiddenAt: true,
    author: { select: { name: true } },
  } as const;
  const roots = await db.annotation.findMany({
    where: { id: { in: threadIds }, AND: [annotationReadWhere(actor, memberships)] },
    orderBy: [{ sourceId: "asc" }, { positionStart: "asc" }, { createdAt: "asc" }],
    select: {
      ...post,
      sourceId: true,
      editionId: true,
      quoteExact: true,
      positionStart: true,
      positionEnd: true,
      source: { select: { slug: true, titlePl: true, titleEn: true } },
      replies: {
        where: replyInReadThreadWhere(actor, memberships),
        orderBy: { createdAt: "asc" },
        select: post,
      },
    },
  });
  const placed = roots.filter((r) => r.positionStart !== null && r.positionEnd !== null);
  const sentences =
    placed.length === 0
      ? []
      : await db.passage.findMany({
          where: {
            OR: placed.map((r) => ({
              editionId: r.editionId,
              start: { lt: Math.max(r.positionEnd!, r.positionStart! + 1) },
              end: { gt: r.positionStart! },
            })),
          },
          select: { editionId: true, number: true, start: true, end: true },
        });
  const order = new Map(assignment.readings.map((r, i) => [r.sourceId, i]));
  const toPost = (p: (typeof roots)[number]["replies"][number]): ThreadPost => ({
    id: p.id,
    authorId: p.authorId,
    authorName: p.author.name,
    kind: p.kind,
    bodyHtml: p.deletedAt ? "" : p.bodyHtml,
    createdAt: p.createdAt,
    deleted: p.deletedAt !== null,
    hidden: p.hiddenAt !== null,
    studentWork: countedIds.has(p.id),
  });
  const threads = roots.map((root) => {
    const numbers = sentences
      .filter(
        (s) =>
          s.editionId === root.editionId &&
          root.positionStart !== null &&
          s.start < Math.max(root.positionEnd!, root.positionStart + 1) &&
          s.end > root.positionStart,
      )
      .map((s) => s.number);
    return {
      sourceSlug: root.source.slug,
      titlePl: root.source.titlePl,
      titleEn: root.source.titleEn,
      quote: root.quoteExact,
      sentences: numbers.length > 0 ? { first: Math.min(...numbers), last: Math.max(...numbers) } : null,
      root: toPost(root),
      replies: root.replies.map(toPost),
      readingIndex: order.get(root.sourceId) ?? 0,
    };
  });
  threads.sort((a, b) => a.readingIndex - b.readingIndex);
  return {
    studentName: student.user.name,
    threads: threads.map(({ readingIndex: _, ...thread }) => thread),
  };
}
