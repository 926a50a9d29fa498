import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { ScoresInputSchema } from "./grading-schema.ts";
import { requireAssignment } from "./require-assignment.ts";
import { requireStudent } from "./require-student.ts";

/**
 * Scores a student of the assignment's group on its rubric (its staff): for each criterion sent, the
 * points (0 to the criterion's maximum) and an optional comment; empty points take a score back.
 * A person scores; nothing here is computed from the student's counts. Nothing is saved unless every
 * score is valid.
 */
export async function scoreStudent(
  actor: Actor,
  assignmentId: string,
  studentId: unknown,
  input: unknown,
): Promise<void> {
  const { id, groupId, userId } = await requireAssignment(actor, assignmentId, "assignment.grade");
  const student = await requireStudent(groupId, studentId);
  const { scores } = parseInput(ScoresInputSchema, input);
  const criteria = await db.rubricCriterion.findMany({
    where: { assignmentId: id, id: { in: scores.map((s) => s.criterionId) } },
    select: { id: true, maxPoints: true },
  });
  const maxOf = new Map(criteria.map((c) => [c.id, c.maxPoints]));
  scores.forEach((score, i) => {
    const max = maxOf.get(score.criterionId);
    if (max === undefined) throw invalidField(`scores.${i}.criterionId`, "criterionInvalid");
    if (score.points != null && score.points > max) throw invalidField(`scores.${i}.points`, "scoreAboveMax");
  });
  await db.$transaction(
    scores.map((score) => {
      const key = { criterionId_studentId: { criterionId: score.criterionId, studentId: student } };
      if (score.points == null) return db.rubricScore.deleteMany({ where: key.criterionId_studentId });
      const data = { points: score.points, comment: score.comment ?? "", gradedById: userId };
      return db.rubricScore.upsert({
        where: key,
        create: { ...data, criterionId: score.criterionId, studentId: student, assignmentId: id },
        update: data,
      });
    }),
  );
}
