import "server-only";
import { db } from "@/lib/db";
import { assignmentWorkWhere } from "@/lib/auth/policy";
import { computeProgress, countWords, readingOf, type StudentProgress, type WorkItem } from "./progress.ts";
import { lockedReadings } from "./reveal.ts";
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
): Promise<(StudentProgress & { revealUnlocked: boolean | null })[]> {
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
      revealAfterPosting: true,
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
        visibility: true,
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
  const progress = computeProgress({
    students: students.map((s) => ({ userId: s.userId, name: s.user.name })),
    readings,
    requirements: assignment,
    opensAt: assignment.opensAt,
    dueAt: assignment.dueAt,
    extensions: new Map(assignment.extensions.map((e) => [e.userId, e.dueAt])),
    work,
    now,
  });
  // Reveal after posting (find-withheld-ranges.ts): counted over the student's own thread roots
  // visible to the whole group, per reading.
  const shared = new Map<string, number[]>();
  if (assignment.revealAfterPosting) {
    rows.forEach((row, i) => {
      if (row.parentId !== null || row.visibility !== "GROUP") return;
      const reading = readingOf(work[i]!, readings);
      if (reading < 0) return;
      const counts = shared.get(row.authorId) ?? readings.map(() => 0);
      counts[reading]! += 1;
      shared.set(row.authorId, counts);
    });
  }
  return progress.map((student) => ({
    ...student,
    revealUnlocked: assignment.revealAfterPosting
      ? !lockedReadings(
          shared.get(student.userId) ?? readings.map(() => 0),
          assignment.minAnnotations,
          assignment.inEachReading,
        ).some(Boolean)
      : null,
  }));
}
