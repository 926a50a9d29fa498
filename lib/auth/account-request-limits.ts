import "server-only";
import { env } from "@/lib/env";
import { consumeOrRefuse, postgresRateLimiter } from "@/lib/http/rate-limit";

/**
 * Limits on the account forms anyone may post without signing in: sign-ups (each costs an argon2id
 * hash and makes a row) and password reset requests (each may send an email), per client address,
 * and reset requests also per email address, so no one can fill someone's inbox. Counted in
 * PostgreSQL, shared by all app instances; past a limit, RATE_LIMITED (the form says how long to wait).
 */
export const ACCOUNT_REQUEST_WINDOW_SECONDS = 60 * 60;
/**
 * A few seminars signing up in their first classes behind one university NAT; a script gets 100 an
 * hour (SIGN_UPS_PER_ADDRESS_PER_HOUR, default 100).
 */
export const signUpsPerAddress = () => env.SIGN_UPS_PER_ADDRESS_PER_HOUR;
export const PASSWORD_RESETS_PER_ADDRESS = 10;
/** A person who did not find the first email asks again once or twice. */
export const PASSWORD_RESETS_PER_EMAIL = 3;
export const TOO_MANY_REQUESTS = "tooManyAttempts";

let limiters: ReturnType<typeof createLimiters> | undefined;

function createLimiters() {
  const durationSeconds = ACCOUNT_REQUEST_WINDOW_SECONDS;
  return {
    signUps: postgresRateLimiter({
      keyPrefix: "signup:address",
      points: signUpsPerAddress(),
      durationSeconds,
    }),
    resetsByAddress: postgresRateLimiter({
      keyPrefix: "reset:address",
      points: PASSWORD_RESETS_PER_ADDRESS,
      durationSeconds,
    }),
    resetsByEmail: postgresRateLimiter({
      keyPrefix: "reset:email",
      points: PASSWORD_RESETS_PER_EMAIL,
      durationSeconds,
    }),
  };
}

/** Counts one sign-up from `address`, or throws RATE_LIMITED past the limit. */
export async function countSignUp(address: string): Promise<void> {
  await consumeOrRefuse((limiters ??= createLimiters()).signUps, address, TOO_MANY_REQUESTS);
}

/**
 * Counts one password reset request for `email` from `address`, or throws RATE_LIMITED. Counted the
 * same whether or not the email has an account, so the refusal tells nothing about who has one.
 */
export async function countPasswordResetRequest(email: string, address: string): Promise<void> {
  const { resetsByAddress, resetsByEmail } = (limiters ??= createLimiters());
  await consumeOrRefuse(resetsByAddress, address, TOO_MANY_REQUESTS);
  await consumeOrRefuse(resetsByEmail, email, TOO_MANY_REQUESTS);
}
