import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { IdSchema } from "@/lib/http/parse-id";
import { requireAssignment } from "./require-assignment.ts";

/** Takes a student's extension away: the assignment's due date holds for them again. */
export async function removeExtension(actor: Actor, assignmentId: string, userId: unknown): Promise<void> {
  const { id } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const student = IdSchema.safeParse(userId);
  if (!student.success) return;
  await db.assignmentExtension.deleteMany({ where: { assignmentId: id, userId: student.data } });
}
