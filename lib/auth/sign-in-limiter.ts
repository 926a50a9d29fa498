import "server-only";
import type { RateLimiterRes } from "rate-limiter-flexible";
import { postgresRateLimiter } from "@/lib/http/rate-limit";

/** Failed sign-ins allowed per account and per address within the window. */
export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

let signInLimiters: ReturnType<typeof createLimiters> | undefined;

function createLimiters() {
  const options = { points: SIGN_IN_ATTEMPTS, durationSeconds: SIGN_IN_WINDOW_SECONDS };
  return {
    byAccount: postgresRateLimiter({ ...options, keyPrefix: "signin:account" }),
    byAddress: postgresRateLimiter({ ...options, keyPrefix: "signin:address" }),
  };
}

function limiters() {
  return (signInLimiters ??= createLimiters());
}

/** Seconds until `email` from `address` may try again, or 0 if it may try now. */
export async function signInRetryAfter(email: string, address: string): Promise<number> {
  const { byAccount, byAddress } = limiters();
  const [account, from] = await Promise.all([byAccount.get(email), byAddress.get(address)]);
  const blocked = [account, from].filter(
    (r): r is RateLimiterRes => r !== null && r.consumedPoints >= SIGN_IN_ATTEMPTS,
  );
  return blocked.length ? Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) : 0;
}

/** Counts one failed sign-in against the account and the address. */
export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { byAccount, byAddress } = limiters();
  await Promise.all([
    byAccount.penalty(email, 1).catch(() => {}),
    byAddress.penalty(address, 1).catch(() => {}),
  ]);
}

/** A successful sign-in clears the account's counter (not the address's). */
export async function clearFailedSignIns(email: string): Promise<void> {
  await limiters().byAccount.delete(email);
}
