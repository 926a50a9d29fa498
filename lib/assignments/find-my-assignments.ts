import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/errors";
import { gradeSheetOf, loadGrades, type GradeSheet } from "./load-grades.ts";
import { loadProgress } from "./load-progress.ts";
import type { StudentProgress } from "./progress.ts";

export interface MyAssignment {
  id: string;
  title: string;
  groupName: string;
  opensAt: Date;
  dueAt: Date;
  closedAt: Date | null;
  requirements: { minAnnotations: number; minReplies: number; minQuestions: number; inEachReading: boolean };
  /** The first reading, where the link opens the reader. */
  firstReading: { sourceSlug: string; firstSentence: number | null } | null;
  progress: StudentProgress;
  /** Their rubric, scores and feedback, once the staff release them; null before. */
  grades: GradeSheet | null;
}

/**
 * The assignments of every group in which the actor is a student, with their own progress (due
 * date with any extension, counts, status) and, once released, their grades and feedback, soonest
 * due first.
 */
export async function findMyAssignments(actor: Actor, now = new Date()): Promise<MyAssignment[]> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const assignments = await db.assignment.findMany({
    where: { group: { memberships: { some: { userId: actor.userId, role: "STUDENT" } } } },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      opensAt: true,
      dueAt: true,
      closedAt: true,
      minAnnotations: true,
      minReplies: true,
      minQuestions: true,
      inEachReading: true,
      group: { select: { name: true } },
      readings: {
        orderBy: { position: "asc" },
        take: 1,
        select: { firstSentence: true, source: { select: { slug: true } } },
      },
    },
  });
  const grades = await loadGrades(
    actor,
    assignments.map((a) => a.id),
    actor.userId,
  );
  return Promise.all(
    assignments.map(async (a) => {
      const [progress] = await loadProgress(a.id, actor.userId, now);
      const first = a.readings[0];
      return {
        id: a.id,
        title: a.title,
        groupName: a.group.name,
        opensAt: a.opensAt,
        dueAt: a.dueAt,
        closedAt: a.closedAt,
        requirements: {
          minAnnotations: a.minAnnotations,
          minReplies: a.minReplies,
          minQuestions: a.minQuestions,
          inEachReading: a.inEachReading,
        },
        firstReading: first ? { sourceSlug: first.source.slug, firstSentence: first.firstSentence } : null,
        progress: progress!,
        grades: gradeSheetOf(grades, a.id, actor.userId),
      };
    }),
  );
}
