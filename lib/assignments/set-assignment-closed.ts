import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { requireAssignment } from "./require-assignment.ts";

/**
 * Closes an assignment early (`closed` true: students no longer see it as open in the reader; work
 * posted afterwards still counts, as late after the due date) or reopens it (its staff).
 */
export async function setAssignmentClosed(
  actor: Actor,
  assignmentId: string,
  closed: boolean,
): Promise<void> {
  const { id } = await requireAssignment(actor, assignmentId, "assignment.manage");
  await db.assignment.update({ where: { id }, data: { closedAt: closed ? new Date() : null } });
}
