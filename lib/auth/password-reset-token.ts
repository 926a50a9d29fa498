import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";

/** How long a reset link works. */
export const RESET_TOKEN_TTL_MS = 60 * 60 * 1000;

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * Makes a one-time password reset token for the user (32 random bytes; only its hash is stored) and
 * returns it for the link. Used by the email flow and by the operator command.
 */
export async function createPasswordResetToken(
  prisma: PrismaClient,
  userId: string,
  now = new Date(),
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await prisma.passwordReset.create({
    data: {
      userId,
      tokenHash: hashResetToken(token),
      expiresAt: new Date(now.getTime() + RESET_TOKEN_TTL_MS),
    },
  });
  return token;
}
