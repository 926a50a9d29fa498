import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { generateJoinCode } from "./join-code.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

/** Replaces the group's join code (instructors), so an old, leaked code stops working. */
export async function regenerateJoinCode(actor: Actor, groupId: string): Promise<string> {
  await requireGroupPermission(db, actor, groupId, "group.manageInvites");
  const joinCode = generateJoinCode();
  await db.group.update({ where: { id: groupId }, data: { joinCode } });
  return joinCode;
}
