import "server-only";
import { afterCommit } from "@/lib/notifications/deliver-notifications";
import { notifyAssignmentsOpened } from "@/lib/notifications/notify-assignment-opened";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { requireActor, requireGroupPermission } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { canOnAssignments } from "@/lib/auth/policy";
import { announceRevealChange } from "./announce-reveal-change.ts";
import { prepareAssignment } from "./prepare-assignment.ts";

/** Creates an assignment in a group (its instructors and teaching assistants). Returns its id. */
export async function createAssignment(
  actor: Actor,
  groupId: string,
  input: unknown,
): Promise<{ id: string }> {
  const { userId } = requireActor(actor);
  const role = await requireGroupPermission(db, actor, groupId, "group.read");
  if (!canOnAssignments(role, "assignment.manage")) throw new AppError("FORBIDDEN", "notAllowed");
  const { data, readings } = await prepareAssignment(userId, groupId, input);
  const created = await db.assignment.create({
    data: { ...data, groupId, createdById: userId, readings: { create: readings } },
    select: { id: true },
  });
  await announceRevealChange(groupId, {
    revealAfterPosting: data.revealAfterPosting,
    anonymousToPeers: data.anonymousToPeers,
    discussionGroupSize: data.discussionGroupSize,
    sourceIds: readings.map((r) => r.sourceId),
  });
  await afterCommit(() => notifyAssignmentsOpened({ assignmentIds: [created.id] }));
  return created;
}
