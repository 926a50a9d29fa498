import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { RubricInputSchema } from "./grading-schema.ts";
import { requireAssignment } from "./require-assignment.ts";

/**
 * Replaces an assignment's rubric (its staff): the criteria in the given order. A criterion sent
 * with its id keeps its scores; one left out is removed with its scores; one without an id is new.
 * A maximum lowered below a score already given is refused, so no score ever exceeds its criterion.
 * Nothing is saved unless all of it is valid.
 */
export async function setRubric(actor: Actor, assignmentId: string, input: unknown): Promise<void> {
  const { id } = await requireAssignment(actor, assignmentId, "assignment.grade");
  const { criteria } = parseInput(RubricInputSchema, input);
  const existing = await db.rubricCriterion.findMany({
    where: { assignmentId: id },
    select: { id: true, scores: { orderBy: { points: "desc" }, take: 1, select: { points: true } } },
  });
  const highest = new Map(existing.map((c) => [c.id, c.scores[0]?.points ?? 0]));
  const seen = new Set<string>();
  criteria.forEach((criterion, i) => {
    if (criterion.id === undefined) return;
    if (!highest.has(criterion.id) || seen.has(criterion.id))
      throw invalidField(`criteria.${i}.id`, "criterionInvalid");
    seen.add(criterion.id);
    if (criterion.maxPoints! < highest.get(criterion.id)!)
      throw invalidField(`criteria.${i}.maxPoints`, "maxBelowScores");
  });
  await db.$transaction([
    db.rubricCriterion.deleteMany({ where: { assignmentId: id, id: { notIn: [...seen] } } }),
    ...criteria.map((criterion, position) => {
      const data = {
        position,
        title: criterion.title,
        description: criterion.description ?? "",
        maxPoints: criterion.maxPoints!,
      };
      return criterion.id
        ? db.rubricCriterion.update({ where: { id: criterion.id }, data })
        : db.rubricCriterion.create({ data: { ...data, assignmentId: id } });
    }),
  ]);
}
