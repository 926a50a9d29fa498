import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { requireAssignment } from "./require-assignment.ts";
import { ExtensionInputSchema } from "./schema.ts";
import { zonedTimeToUtc } from "./zoned-time.ts";

/** Gives a student of the assignment's group their own due date, or changes it (its staff). */
export async function setExtension(actor: Actor, assignmentId: string, input: unknown): Promise<void> {
  const { id, groupId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const parsed = parseInput(ExtensionInputSchema, input);
  const dueAt = zonedTimeToUtc(parsed.dueAt, parsed.timeZone);
  if (!dueAt) throw invalidField("dueAt", "timeInvalid");
  const student = await db.membership.findFirst({
    where: { groupId, userId: parsed.userId, role: "STUDENT" },
    select: { userId: true },
  });
  if (!student) throw invalidField("userId", "studentInvalid");
  await db.assignmentExtension.upsert({
    where: { assignmentId_userId: { assignmentId: id, userId: student.userId } },
    create: { assignmentId: id, userId: student.userId, dueAt },
    update: { dueAt },
  });
}
