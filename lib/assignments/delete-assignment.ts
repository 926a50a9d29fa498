import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { announceRevealChange, revealOf } from "./announce-reveal-change.ts";
import { requireAssignment } from "./require-assignment.ts";

/**
 * Deletes an assignment with its readings and extensions (its staff). The annotations and replies
 * students posted for it are theirs and stay where they are: nothing else is deleted.
 */
export async function deleteAssignment(actor: Actor, assignmentId: string): Promise<{ groupId: string }> {
  const { id, groupId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const before = await revealOf(id);
  await db.assignment.delete({ where: { id } });
  await announceRevealChange(groupId, null, before);
  return { groupId };
}
