import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";
import { parseInput } from "@/lib/http/parse-input";
import { announceMembershipChange } from "./announce-membership-change.ts";
import { countInstructors, lockGroup } from "./lock-group-memberships.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { GroupRoleSchema } from "./schema.ts";

/**
 * Gives a member another role (instructors). The group always keeps at least one instructor. What
 * the member reads and may do changes with it (a student made a teaching assistant reads the notes
 * for instructors and hidden ones; made a student again, no more), so their open readers are told.
 */
export async function changeRole(
  actor: Actor,
  groupId: string,
  memberUserId: string,
  role: unknown,
): Promise<void> {
  const newRole = parseInput(GroupRoleSchema, role);
  const changed = await db.$transaction(async (tx) => {
    // Lock first, then check: a member demoted by a concurrent change is refused with the new role.
    await lockGroup(tx, groupId);
    await requireGroupPermission(tx, actor, groupId, "group.changeRole");
    const member = await tx.membership.findUnique({
      where: { groupId_userId: { groupId, userId: parseId(memberUserId, "memberNotFound") } },
    });
    if (!member) throw new NotFoundError("memberNotFound");
    if (member.role === newRole) return false;
    if (member.role === "INSTRUCTOR" && (await countInstructors(tx, groupId)) <= 1) {
      throw new AppError("CONFLICT", "lastInstructor");
    }
    await tx.membership.update({ where: { id: member.id }, data: { role: newRole } });
    return true;
  });
  // Once committed: their index's version names their role (annotation-tags.ts), so it is new.
  if (changed) await announceMembershipChange(groupId);
}
