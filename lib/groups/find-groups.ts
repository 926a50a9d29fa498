import "server-only";
import { db } from "@/lib/db";
import { groupWhere, type Actor } from "@/lib/auth/policy";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";

export interface GroupListItem {
  id: string;
  name: string;
  term: string;
  role: GroupRole;
  memberCount: number;
}

/** The groups the actor belongs to, with their role in each; none for an anonymous actor. */
export async function findGroups(actor: Actor): Promise<GroupListItem[]> {
  if (!actor) return [];
  const groups = await db.group.findMany({
    where: groupWhere(actor, "group.read"),
    orderBy: [{ createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      term: true,
      _count: { select: { memberships: true } },
      memberships: { where: { userId: actor.userId }, select: { role: true } },
    },
  });
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    term: g.term,
    role: g.memberships[0]!.role,
    memberCount: g._count.memberships,
  }));
}
