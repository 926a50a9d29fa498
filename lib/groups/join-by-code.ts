import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { invalidField } from "@/lib/http/errors";
import { normalizeJoinCode } from "./join-code.ts";
import { recordWrongJoinCode, refuseTooManyWrongJoinCodes } from "./join-code-guesses.ts";
import { requireActor } from "./require-group-permission.ts";

/**
 * Joins the group whose join code was typed, as a student, and makes it the current group. Wrong codes
 * count against the user and the client `address` (join-code-guesses.ts): past the limit, RATE_LIMITED.
 */
export async function joinByCode(actor: Actor, code: unknown, address: string): Promise<{ groupId: string }> {
  const { userId } = requireActor(actor);
  const joinCode = typeof code === "string" ? normalizeJoinCode(code) : null;
  if (!joinCode) throw invalidField("code", "joinCodeInvalid");
  await refuseTooManyWrongJoinCodes(userId, address);
  const group = await db.group.findUnique({ where: { joinCode }, select: { id: true } });
  if (!group) {
    await recordWrongJoinCode(userId, address);
    throw invalidField("code", "joinCodeUnknown");
  }
  await db.$transaction(async (tx) => {
    await tx.membership.upsert({
      where: { groupId_userId: { groupId: group.id, userId } },
      create: { groupId: group.id, userId, role: "STUDENT" },
      update: {},
    });
    await tx.user.update({ where: { id: userId }, data: { currentGroupId: group.id } });
  });
  return { groupId: group.id };
}
