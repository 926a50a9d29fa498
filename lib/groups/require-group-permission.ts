import "server-only";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { canInGroup, type Actor, type GroupAction } from "@/lib/auth/policy";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

type Client = Pick<PrismaClient, "membership">;

/**
 * The actor's role in the group if the policy lets them perform `action`. Anonymous: UNAUTHENTICATED.
 * Not a member, or not a group id at all: NOT_FOUND (a group's existence is not revealed to outsiders). A member without the
 * right: FORBIDDEN.
 */
export async function requireGroupPermission(
  client: Client,
  actor: Actor,
  groupId: string,
  action: GroupAction,
): Promise<GroupRole> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const membership = await client.membership.findUnique({
    where: { groupId_userId: { groupId: parseId(groupId, "groupNotFound"), userId: actor.userId } },
    select: { role: true },
  });
  if (!membership) throw new NotFoundError("groupNotFound");
  if (!canInGroup(membership.role, action)) throw new AppError("FORBIDDEN", "notAllowed");
  return membership.role;
}

export function requireActor(actor: Actor): NonNullable<Actor> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  return actor;
}
