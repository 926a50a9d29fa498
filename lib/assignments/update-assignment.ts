import "server-only";
import { db } from "@/lib/db";
import { invalidField } from "@/lib/http/errors";
import type { Actor } from "@/lib/auth/policy";
import { announceRevealChange, revealOf } from "./announce-reveal-change.ts";
import { prepareAssignment } from "./prepare-assignment.ts";
import { requireAssignment } from "./require-assignment.ts";

/**
 * Replaces an assignment's title, instructions, times, requirements, options and readings (its
 * staff). Its discussion groups stay as they are (ignored while small groups is off). Anonymity to
 * peers, once on, is never lifted ("anonymityPromised"): students posted on the promise that their
 * classmates would not see their names.
 */
export async function updateAssignment(actor: Actor, assignmentId: string, input: unknown): Promise<void> {
  const { id, userId, groupId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const { data, readings } = await prepareAssignment(userId, groupId, input);
  const before = await revealOf(id);
  if (before?.anonymousToPeers && !data.anonymousToPeers) {
    throw invalidField("anonymousToPeers", "anonymityPromised");
  }
  await db.$transaction([
    db.assignmentReading.deleteMany({ where: { assignmentId: id } }),
    db.assignment.update({ where: { id }, data: { ...data, readings: { create: readings } } }),
  ]);
  await announceRevealChange(
    groupId,
    {
      revealAfterPosting: data.revealAfterPosting,
      anonymousToPeers: data.anonymousToPeers,
      discussionGroupSize: data.discussionGroupSize,
      sourceIds: readings.map((r) => r.sourceId),
    },
    before,
  );
}
