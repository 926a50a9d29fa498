import "server-only";
import { db } from "@/lib/db";
import { invitableRoles, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { newInviteToken } from "./invite-token.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { InviteInputSchema } from "./schema.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Makes an invite link for the group (instructors; teaching assistants for students only). Returns
 * the token for the link: it is shown once, only its hash is stored.
 */
export async function createInvite(
  actor: Actor,
  groupId: string,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const role = await requireGroupPermission(db, actor, groupId, "group.invite");
  const { role: inviteRole, expiresInDays, maxUses } = parseInput(InviteInputSchema, input);
  if (!invitableRoles(role).includes(inviteRole)) throw new AppError("FORBIDDEN", "notAllowed");
  const { token, tokenHash } = newInviteToken();
  const invite = await db.invite.create({
    data: {
      groupId,
      tokenHash,
      role: inviteRole,
      createdById: actor!.userId,
      expiresAt: new Date(now.getTime() + expiresInDays * DAY_MS),
      maxUses: maxUses ?? null,
    },
    select: { id: true, expiresAt: true },
  });
  return { ...invite, token };
}
