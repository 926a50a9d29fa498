import "server-only";
import { db } from "@/lib/db";
import { assignmentWhere, type Actor } from "@/lib/auth/policy";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

/** Deletes a piece of private feedback (the group's staff, whoever wrote it). */
export async function deleteFeedback(actor: Actor, feedbackId: unknown): Promise<void> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const { count } = await db.assignmentFeedback.deleteMany({
    where: {
      id: parseId(feedbackId, "feedbackNotFound"),
      assignment: assignmentWhere(actor, "assignment.grade"),
    },
  });
  if (count === 0) throw new NotFoundError("feedbackNotFound");
}
