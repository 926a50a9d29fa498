import "server-only";
import { afterCommit } from "@/lib/notifications/deliver-notifications";
import { notifyGradesReleased } from "@/lib/notifications/notify-grades";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { requireAssignment } from "./require-assignment.ts";

/**
 * Releases an assignment's grades and feedback to its students (`released` true: each then sees
 * their own rubric, scores and feedback) or takes them back (its staff).
 */
export async function setGradesReleased(
  actor: Actor,
  assignmentId: string,
  released: boolean,
): Promise<void> {
  const { id, userId } = await requireAssignment(actor, assignmentId, "assignment.grade");
  await db.assignment.update({ where: { id }, data: { gradesReleasedAt: released ? new Date() : null } });
  if (released) await afterCommit(() => notifyGradesReleased(id, userId));
}
