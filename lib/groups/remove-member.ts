import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";
import { countInstructors, lockGroup } from "./lock-group-memberships.ts";
import { requireActor, requireGroupPermission } from "./require-group-permission.ts";

/**
 * Takes a member out of the group: instructors may remove anyone, every member may remove themselves
 * (leave). The last instructor can do neither to themselves: the group always keeps one.
 */
export async function removeMember(actor: Actor, groupId: string, memberUserId: string): Promise<void> {
  const { userId } = requireActor(actor);
  const leaving = memberUserId === userId;
  await db.$transaction(async (tx) => {
    // Lock first, then check: a member demoted by a concurrent change is refused with the new role.
    await lockGroup(tx, groupId);
    await requireGroupPermission(tx, actor, groupId, leaving ? "group.leave" : "group.removeMember");
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
}
