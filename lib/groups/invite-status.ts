export type InviteStatus = "active" | "expired" | "revoked" | "usedUp";

/** Whether an invite link still works, and if not, why. */
export function inviteStatus(
  invite: { expiresAt: Date; revokedAt: Date | null; uses: number; maxUses: number | null },
  now: Date,
): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "usedUp";
  return "active";
}
