import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { inviteStatus, type InviteStatus } from "./invite-status.ts";

export interface InviteListItem {
  id: string;
  role: GroupRole;
  status: InviteStatus;
  expiresAt: string;
  uses: number;
  maxUses: number | null;
  createdBy: string;
}

/** The group's invite links (not their tokens) and its join code, for those who may invite. */
export async function findInvites(
  actor: Actor,
  groupId: string,
  now = new Date(),
): Promise<{ joinCode: string; invites: InviteListItem[] }> {
  await requireGroupPermission(db, actor, groupId, "group.invite");
  const group = await db.group.findUniqueOrThrow({
    where: { id: groupId },
    select: {
      joinCode: true,
      invites: { orderBy: { createdAt: "desc" }, include: { createdBy: { select: { name: true } } } },
    },
  });
  return {
    joinCode: group.joinCode,
    invites: group.invites.map((invite) => ({
      id: invite.id,
      role: invite.role,
      status: inviteStatus(invite, now),
      expiresAt: invite.expiresAt.toISOString(),
      uses: invite.uses,
      maxUses: invite.maxUses,
      createdBy: invite.createdBy.name,
    })),
  };
}
