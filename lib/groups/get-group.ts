import "server-only";
import { db } from "@/lib/db";
import { groupWhere, type Actor } from "@/lib/auth/policy";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

export interface GroupDetail {
  id: string;
  name: string;
  description: string;
  term: string;
  myRole: GroupRole;
  members: { userId: string; name: string; role: GroupRole; joinedAt: string }[];
}

/** The group with its members, for a member; NOT_FOUND for anyone else (existence not revealed). */
export async function getGroup(actor: Actor, groupId: string): Promise<GroupDetail> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const group = await db.group.findFirst({
    where: { id: parseId(groupId, "groupNotFound"), ...groupWhere(actor, "group.read") },
    select: {
      id: true,
      name: true,
      description: true,
      term: true,
      memberships: {
        orderBy: [{ role: "asc" }, { createdAt: "asc" }],
        select: { userId: true, role: true, createdAt: true, user: { select: { name: true } } },
      },
    },
  });
  if (!group) throw new NotFoundError("groupNotFound");
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    term: group.term,
    myRole: group.memberships.find((m) => m.userId === actor.userId)!.role,
    members: group.memberships.map((m) => ({
      userId: m.userId,
      name: m.user.name,
      role: m.role,
      joinedAt: m.createdAt.toISOString(),
    })),
  };
}
