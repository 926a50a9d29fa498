import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { hashPassword } from "./password.ts";
import { hashResetToken } from "./password-reset-token.ts";
import { PasswordSchema } from "./schema.ts";

const ResetSchema = z.object({ token: z.string().min(16).max(128), password: PasswordSchema });

/**
 * Sets a new password with a reset token. The token works once and until it expires; all of the
 * user's other outstanding reset tokens stop working too, and so do all of the user's sessions. Returns
 * the user's email (to sign in).
 */
export async function resetPassword(input: unknown, now = new Date()): Promise<{ email: string }> {
  const { token, password } = parseInput(ResetSchema, input);
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const reset = await tx.passwordReset.findUnique({
      where: { tokenHash: hashResetToken(token) },
      include: { user: { select: { email: true } } },
    });
    if (!reset || reset.usedAt || reset.expiresAt <= now) throw new AppError("CONFLICT", "resetLinkInvalid");
    await tx.user.update({
      where: { id: reset.userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    await tx.passwordReset.updateMany({
      where: { userId: reset.userId, usedAt: null },
      data: { usedAt: now },
    });
    return { email: reset.user.email };
  });
}
