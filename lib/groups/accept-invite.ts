import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { isUniqueViolation } from "@/lib/db/is-unique-violation";
import { AppError, isAppError } from "@/lib/http/errors";
import { hashInviteToken } from "./invite-token.ts";
import { inviteStatus } from "./invite-status.ts";
import { requireActor } from "./require-group-permission.ts";

/** An invite token as newInviteToken makes them (base64url). */
const INVITE_TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Joins the actor to the invite's group with the invite's role and makes it their current group.
 * A member already in the group just switches to it (no use is counted, the role stays). An invalid,
 * expired, revoked or used-up link: CONFLICT with the reason ("inviteExpired", …). The same user
 * accepting several times at once gets the same answer each time, with one membership and one use.
 */
export async function acceptInvite(
  actor: Actor,
  token: string,
  now = new Date(),
): Promise<{ groupId: string }> {
  const { userId } = requireActor(actor);
  try {
    return await joinThroughInvite(userId, token, now);
  } catch (error) {
    // Another acceptance by the same user won the race: its membership made this one's insert fail
    // (or took the last use), and this transaction's count of a use was rolled back. Tried again, the
    // user is a member and just switches to the group; anyone else gets the invite's real state.
    const lostRace =
      isUniqueViolation(error) || (isAppError(error, "CONFLICT") && error.message === "inviteUsedUp");
    if (lostRace) return joinThroughInvite(userId, token, now);
    throw error;
  }
}

async function joinThroughInvite(userId: string, token: unknown, now: Date): Promise<{ groupId: string }> {
  return db.$transaction(async (tx) => {
    const invite =
      typeof token === "string" && INVITE_TOKEN.test(token)
        ? await tx.invite.findUnique({ where: { tokenHash: hashInviteToken(token) } })
        : null;
    if (!invite) throw new AppError("CONFLICT", "inviteInvalid");
    const existing = await tx.membership.findUnique({
      where: { groupId_userId: { groupId: invite.groupId, userId } },
    });
    if (!existing) {
      const status = inviteStatus(invite, now);
      if (status !== "active")
        throw new AppError("CONFLICT", `invite${status[0]!.toUpperCase()}${status.slice(1)}`);
      // Counted with a guarded update, so two people racing for the last use cannot both get in.
      const counted = await tx.invite.updateMany({
        where: {
          id: invite.id,
          revokedAt: null,
          expiresAt: { gt: now },
          OR: [{ maxUses: null }, { uses: { lt: tx.invite.fields.maxUses } }],
        },
        data: { uses: { increment: 1 } },
      });
      if (counted.count !== 1) throw new AppError("CONFLICT", "inviteUsedUp");
      await tx.membership.create({ data: { groupId: invite.groupId, userId, role: invite.role } });
    }
    await tx.user.update({ where: { id: userId }, data: { currentGroupId: invite.groupId } });
    return { groupId: invite.groupId };
  });
}
