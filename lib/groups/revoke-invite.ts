import "server-only";
import { db } from "@/lib/db";
import { revocableInviteWhere, type Actor } from "@/lib/auth/policy";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";
import { requireGroupPermission } from "./require-group-permission.ts";

/** Revokes an invite link: instructors any of the group's, teaching assistants their own. */
export async function revokeInvite(
  actor: Actor,
  groupId: string,
  inviteId: string,
  now = new Date(),
): Promise<void> {
  const role = await requireGroupPermission(db, actor, groupId, "group.invite");
  const invite = await db.invite.findFirst({
    where: {
      id: parseId(inviteId, "inviteNotFound"),
      groupId,
      ...revocableInviteWhere(actor!, role),
    },
    select: { id: true, revokedAt: true },
  });
  if (!invite) throw new NotFoundError("inviteNotFound");
  if (invite.revokedAt) throw new AppError("CONFLICT", "inviteAlreadyRevoked");
  await db.invite.update({ where: { id: invite.id }, data: { revokedAt: now } });
}
