import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import type { Mentionable } from "@/lib/notifications/mentions";
import { requireGroupPermission } from "./require-group-permission.ts";

/**
 * The names a member may @mention in the group's notes: its members, ids and names only (what the
 * group's page already shows every member), by name. Only for a member of the group: anyone else
 * is NOT_FOUND, as for the group itself.
 */
export async function findMentionableMembers(actor: Actor, groupId: string): Promise<Mentionable[]> {
  await requireGroupPermission(db, actor, groupId, "group.read");
  const members = await db.membership.findMany({
    where: { groupId },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return members.map(({ user }) => user);
}
