import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { parseInput } from "@/lib/http/parse-input";
import { requireGroupPermission } from "./require-group-permission.ts";
import { GroupInputSchema } from "./schema.ts";

/** Changes a group's name, description and term (instructors). */
export async function updateGroup(actor: Actor, groupId: string, input: unknown): Promise<void> {
  await requireGroupPermission(db, actor, groupId, "group.update");
  await db.group.update({ where: { id: groupId }, data: parseInput(GroupInputSchema, input) });
}
