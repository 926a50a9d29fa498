import "server-only";
import { postgresRateLimiter, refuseIfReached } from "@/lib/http/rate-limit";

/**
 * Wrong join codes are counted, so codes (about 27 billion of them) cannot be tried one after another:
 * per signed-in user and per client address, within a window. Right codes are not counted, so a class
 * joining from one network is never held up by its own success.
 */
export const JOIN_CODE_WINDOW_SECONDS = 15 * 60;
/** One person mistyping a code a few times. */
export const WRONG_JOIN_CODES_PER_USER = 10;
/** A seminar room behind one NAT, several students mistyping. */
export const WRONG_JOIN_CODES_PER_ADDRESS = 30;
/** The message key (under "errors") of the refusal; the form adds the minutes to wait. */
export const TOO_MANY_ATTEMPTS = "tooManyAttempts";

let limiters: ReturnType<typeof createLimiters> | undefined;

function createLimiters() {
  const durationSeconds = JOIN_CODE_WINDOW_SECONDS;
  return {
    byUser: postgresRateLimiter({
      keyPrefix: "joincode:user",
      points: WRONG_JOIN_CODES_PER_USER,
      durationSeconds,
    }),
    byAddress: postgresRateLimiter({
      keyPrefix: "joincode:address",
      points: WRONG_JOIN_CODES_PER_ADDRESS,
      durationSeconds,
    }),
  };
}

/** Throws RATE_LIMITED when this user or address has typed too many wrong codes lately. */
export async function refuseTooManyWrongJoinCodes(userId: string, address: string): Promise<void> {
  const { byUser, byAddress } = (limiters ??= createLimiters());
  await refuseIfReached(
    [
      { limiter: byUser, key: userId, points: WRONG_JOIN_CODES_PER_USER },
      { limiter: byAddress, key: address, points: WRONG_JOIN_CODES_PER_ADDRESS },
    ],
    TOO_MANY_ATTEMPTS,
  );
}

/** Counts one wrong code against the user and the address. */
export async function recordWrongJoinCode(userId: string, address: string): Promise<void> {
  const { byUser, byAddress } = (limiters ??= createLimiters());
  await Promise.all([byUser.penalty(userId, 1), byAddress.penalty(address, 1)]);
}
