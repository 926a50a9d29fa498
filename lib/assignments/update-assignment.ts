import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { announceRevealChange, revealOf } from "./announce-reveal-change.ts";
import { prepareAssignment } from "./prepare-assignment.ts";
import { requireAssignment } from "./require-assignment.ts";

/**
 * Replaces an assignment's title, instructions, times, requirements, options and readings (its
 * staff). Its discussion groups stay as they are (ignored while small groups is off).
 */
export async function updateAssignment(actor: Actor, assignmentId: string, input: unknown): Promise<void> {
  const { id, userId, groupId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const { data, readings } = await prepareAssignment(userId, groupId, input);
  const before = await revealOf(id);
  await db.$transaction([
    db.assignmentReading.deleteMany({ where: { assignmentId: id } }),
    db.assignment.update({ where: { id }, data: { ...data, readings: { create: readings } } }),
  ]);
  await announceRevealChange(
    groupId,
    {
      revealAfterPosting: data.revealAfterPosting,
      discussionGroupSize: data.discussionGroupSize,
      sourceIds: readings.map((r) => r.sourceId),
    },
    before,
  );
}
