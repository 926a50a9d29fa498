import "server-only";
import { db } from "@/lib/db";
import { assignmentWorkWhere } from "@/lib/auth/policy";
import { computeProgress, countWords, type StudentProgress, type WorkItem } from "./progress.ts";
import { BOUNDARY_PASSAGE_SELECT, readingBounds, readingPassagesWhere } from "./reading-bounds.ts";

/**
 * The progress of an assignment's students (or of one of them, `onlyUserId`), read in four queries
 * whatever the number of students: the assignment, the assigned sentences' offsets in every edition
 * of the assigned sources, the students, and their counted work (`assignmentWorkWhere`) in the
 * assigned sources since the assignment opened. The rules are `computeProgress`'s.
 * Callers check permissions first.
 */
export async function loadProgress(
  assignmentId: string,
  onlyUserId?: string,
  now = new Date(),
): Promise<StudentProgress[]> {
  const assignment = await db.assignment.findUniqueOrThrow({
    where: { id: assignmentId },
    select: {
      groupId: true,
      opensAt: true,
      dueAt: true,
      minAnnotations: true,
      minReplies: true,
      minQuestions: true,
      inEachReading: true,
      readings: {
        orderBy: { position: "asc" },
        select: { sourceId: true, firstSentence: true, lastSentence: true },
      },
      extensions: { select: { userId: true, dueAt: true } },
    },
  });
  const sourceIds = [...new Set(assignment.readings.map((r) => r.sourceId))];
  const [passages, students, rows] = await Promise.all([
    db.passage.findMany({
      where: readingPassagesWhere(assignment.readings),
      select: BOUNDARY_PASSAGE_SELECT,
    }),
    db.membership.findMany({
      where: { groupId: assignment.groupId, role: "STUDENT", ...(onlyUserId ? { userId: onlyUserId } : {}) },
      orderBy: { user: { name: "asc" } },
      select: { userId: true, user: { select: { name: true } } },
    }),
    db.annotation.findMany({
      where: {
        ...assignmentWorkWhere(assignment.groupId),
        sourceId: { in: sourceIds },
        createdAt: { gte: assignment.opensAt },
        ...(onlyUserId
          ? { authorId: onlyUserId }
          : { author: { memberships: { some: { groupId: assignment.groupId, role: "STUDENT" } } } }),
      },
      select: {
        authorId: true,
        parentId: true,
        kind: true,
        sourceId: true,
        editionId: true,
        positionStart: true,
        positionEnd: true,
        bodyText: true,
        createdAt: true,
        parent: { select: { positionStart: true, positionEnd: true, deletedAt: true } },
      },
    }),
  ]);

  const readings = readingBounds(assignment.readings, passages);
  const work: WorkItem[] = rows.map((row) => ({
    authorId: row.authorId,
    reply: row.parentId !== null,
    question: row.kind === "QUESTION",
    sourceId: row.sourceId,
    editionId: row.editionId,
    start: row.parent ? row.parent.positionStart : row.positionStart,
    end: row.parent ? row.parent.positionEnd : row.positionEnd,
    words: countWords(row.bodyText),
    createdAt: row.createdAt,
  }));
  return computeProgress({
    students: students.map((s) => ({ userId: s.userId, name: s.user.name })),
    readings,
    requirements: assignment,
    opensAt: assignment.opensAt,
    dueAt: assignment.dueAt,
    extensions: new Map(assignment.extensions.map((e) => [e.userId, e.dueAt])),
    work,
    now,
  });
}
