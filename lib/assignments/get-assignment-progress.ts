import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { loadProgress } from "./load-progress.ts";
import type { StudentProgress } from "./progress.ts";
import { requireAssignment } from "./require-assignment.ts";

/** Every student's progress on an assignment, for its group's staff. */
export async function getAssignmentProgress(
  actor: Actor,
  assignmentId: string,
): Promise<(StudentProgress & { revealUnlocked: boolean | null })[]> {
  const { id } = await requireAssignment(actor, assignmentId, "assignment.manage");
  return loadProgress(id);
}
