import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { requireActor } from "@/lib/groups/require-group-permission";
import { hashPassword, verifyPassword } from "./password.ts";
import type { Actor } from "./policy.ts";
import { ChangePasswordSchema } from "./schema.ts";

/**
 * Sets a new password after checking the current one. An account made through a provider (no
 * password yet) sets its first one without a current password. Every session of the user ends
 * (whoever knew the old password is signed out); the caller signs the user in again if it wants to
 * keep them signed in.
 */
export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const { userId } = requireActor(actor);
  const { currentPassword, newPassword } = parseInput(ChangePasswordSchema, input);
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("INVALID", "currentPasswordWrong", {
      problems: [{ field: "currentPassword", message: "currentPasswordWrong" }],
    });
  }
  await db.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } },
  });
}
