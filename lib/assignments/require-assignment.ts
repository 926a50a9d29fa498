import "server-only";
import { db } from "@/lib/db";
import { assignmentWhere, canOnAssignments, type Actor, type AssignmentAction } from "@/lib/auth/policy";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

/**
 * The assignment's id and group if the actor may perform `action` on it. Anonymous:
 * UNAUTHENTICATED; an assignment of a group they are not in, or no assignment at all: NOT_FOUND
 * (its existence is not revealed); a member without the right: FORBIDDEN.
 */
export async function requireAssignment(
  actor: Actor,
  assignmentId: unknown,
  action: AssignmentAction,
): Promise<{ id: string; groupId: string; userId: string }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const found = await db.assignment.findFirst({
    where: { id: parseId(assignmentId, "assignmentNotFound"), ...assignmentWhere(actor, "assignment.read") },
    select: {
      id: true,
      groupId: true,
      group: { select: { memberships: { where: { userId: actor.userId }, select: { role: true } } } },
    },
  });
  if (!found) throw new NotFoundError("assignmentNotFound");
  if (!canOnAssignments(found.group.memberships[0]?.role, action))
    throw new AppError("FORBIDDEN", "notAllowed");
  return { id: found.id, groupId: found.groupId, userId: actor.userId };
}
