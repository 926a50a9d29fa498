import "server-only";
import { db } from "@/lib/db";
import { decoyPasswordHash, verifyPassword } from "./password.ts";
import { SignInSchema } from "./schema.ts";
import { recordFailedSignIn, recordSuccessfulSignIn, signInRetryAfter } from "./sign-in-limiter.ts";

export type CredentialsResult =
  | { ok: true; user: { id: string; name: string; email: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

/**
 * Checks an email and password. An unknown email and a wrong password give the same answer after the
 * same work (a decoy hash is verified), so the answer reveals nothing about which accounts exist.
 * Failed attempts are counted (lib/auth/sign-in-limiter.ts); past a limit, nothing is checked.
 */
export async function verifyCredentials(input: unknown, address: string): Promise<CredentialsResult> {
  const parsed = SignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const retryAfterSeconds = await signInRetryAfter(email, address);
  if (retryAfterSeconds > 0) return { ok: false, reason: "rate_limited", retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true },
  });
  const matches = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
  if (!user?.passwordHash || !matches) {
    await recordFailedSignIn(email, address);
    return { ok: false, reason: "invalid" };
  }
  await recordSuccessfulSignIn(email, address);
  return { ok: true, user: { id: user.id, name: user.name, email: user.email } };
}
