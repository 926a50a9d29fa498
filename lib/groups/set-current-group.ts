import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { requireActor, requireGroupPermission } from "./require-group-permission.ts";

/** Chooses the group the actor works in (one they belong to), or none (null). */
export async function setCurrentGroup(actor: Actor, groupId: string | null): Promise<void> {
  const { userId } = requireActor(actor);
  if (groupId !== null) await requireGroupPermission(db, actor, groupId, "group.read");
  await db.user.update({ where: { id: userId }, data: { currentGroupId: groupId } });
}
