import "server-only";
import { db } from "@/lib/db";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { hashInviteToken } from "./invite-token.ts";
import { inviteStatus, type InviteStatus } from "./invite-status.ts";

export type InvitePreview =
  | { status: "active"; groupName: string; groupTerm: string; role: GroupRole }
  | { status: Exclude<InviteStatus, "active"> | "invalid" };

/**
 * What an invite link leads to, for the join page. Only a working link names its group; a revoked,
 * expired or used-up one says only which of these it is, and an unknown token says "invalid".
 */
export async function getInvitePreview(token: string, now = new Date()): Promise<InvitePreview> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return { status: "invalid" };
  const invite = await db.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    include: { group: { select: { name: true, term: true } } },
  });
  if (!invite) return { status: "invalid" };
  const status = inviteStatus(invite, now);
  if (status !== "active") return { status };
  return { status, groupName: invite.group.name, groupTerm: invite.group.term, role: invite.role };
}
