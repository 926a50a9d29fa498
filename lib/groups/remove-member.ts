import "server-only";
import { db } from "@/lib/db";
import { memberRemovalAction, type Actor } from "@/lib/auth/policy";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";
import { announceMembershipChange } from "./announce-membership-change.ts";
import { countInstructors, lockGroup } from "./lock-group-memberships.ts";
import { requireActor, requireGroupPermission } from "./require-group-permission.ts";

/**
 * Takes a member out of the group: instructors may remove anyone, every member may remove themselves
 * (leave). The last instructor can do neither to themselves: the group always keeps one. Their
 * writes in the group end with it (the policy asks for a membership); their own work stays theirs.
 */
export async function removeMember(actor: Actor, groupId: string, memberUserId: string): Promise<void> {
  const action = memberRemovalAction(requireActor(actor), memberUserId);
  await db.$transaction(async (tx) => {
    // Lock first, then check: a member demoted by a concurrent change is refused with the new role.
    await lockGroup(tx, groupId);
    await requireGroupPermission(tx, actor, groupId, action);
    const member = await tx.membership.findUnique({
      where: { groupId_userId: { groupId, userId: parseId(memberUserId, "memberNotFound") } },
    });
    if (!member) throw new NotFoundError("memberNotFound");
    if (member.role === "INSTRUCTOR" && (await countInstructors(tx, groupId)) <= 1) {
      throw new AppError("CONFLICT", "lastInstructor");
    }
    await tx.membership.delete({ where: { id: member.id } });
    await tx.user.updateMany({
      where: { id: memberUserId, currentGroupId: groupId },
      data: { currentGroupId: null },
    });
  });
  // Their open readers hear of it at once (their index changes: the group's work is gone, their own
  // turns read-only).
  await announceMembershipChange(groupId);
}
