import "server-only";
import type { RateLimiterRes } from "rate-limiter-flexible";
import { postgresRateLimiter } from "@/lib/http/rate-limit";

/**
 * Limits on password guessing, made so that an attacker can neither guess freely nor lock a chosen
 * person out. Every count is kept in PostgreSQL (rate_limits), shared by all app instances; the
 * address is the connection's (lib/http/trusted-proxy.ts), which a client cannot choose.
 *
 * - One account from one address: GUESSES_PER_ACCOUNT_AND_ADDRESS failures per window, then that
 *   address waits for that account. Guesses from elsewhere never hold the owner's own address.
 * - One address, any accounts (spraying one password over many accounts): FAILURES_PER_ADDRESS.
 * - One account from everywhere (a botnet, each address guessing a little): FAILURES_PER_ACCOUNT per
 *   ACCOUNT_WINDOW_SECONDS; past it, only addresses the account signed in from successfully within
 *   KNOWN_ADDRESS_DAYS still try (they skip the address limit too); others wait. Emailed sign-in links
 *   and password resets are not affected, and a session already signed in is never ended by failures.
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
/** Enough for a person who mistypes, far too few to guess a 10-character password. */
export const GUESSES_PER_ACCOUNT_AND_ADDRESS = 10;
/** A seminar room behind one NAT mistyping its passwords stays well below this. */
export const FAILURES_PER_ADDRESS = 50;
/** Caps a distributed attack on one account at about 1,200 guesses a day. */
export const FAILURES_PER_ACCOUNT = 50;
export const ACCOUNT_WINDOW_SECONDS = 60 * 60;
/** How long a successful sign-in makes its address "known" for that account. */
export const KNOWN_ADDRESS_DAYS = 30;

let signInLimiters: ReturnType<typeof createLimiters> | undefined;

function createLimiters() {
  return {
    byPair: postgresRateLimiter({
      keyPrefix: "signin:pair",
      points: GUESSES_PER_ACCOUNT_AND_ADDRESS,
      durationSeconds: SIGN_IN_WINDOW_SECONDS,
    }),
    byAddress: postgresRateLimiter({
      keyPrefix: "signin:address",
      points: FAILURES_PER_ADDRESS,
      durationSeconds: SIGN_IN_WINDOW_SECONDS,
    }),
    byAccount: postgresRateLimiter({
      keyPrefix: "signin:account",
      points: FAILURES_PER_ACCOUNT,
      durationSeconds: ACCOUNT_WINDOW_SECONDS,
    }),
    known: postgresRateLimiter({
      keyPrefix: "signin:known",
      points: 1,
      durationSeconds: KNOWN_ADDRESS_DAYS * 24 * 60 * 60,
    }),
  };
}

function limiters() {
  return (signInLimiters ??= createLimiters());
}

const pairKey = (email: string, address: string) => `${email} ${address}`;

function reached(result: RateLimiterRes | null, points: number): result is RateLimiterRes {
  return result !== null && result.consumedPoints >= points;
}

/** Seconds until `email` from `address` may try again, or 0 if it may try now. */
export async function signInRetryAfter(email: string, address: string): Promise<number> {
  const { byPair, byAddress, byAccount, known } = limiters();
  const pair = pairKey(email, address);
  const [fromPair, fromAddress, forAccount, knownAddress] = await Promise.all([
    byPair.get(pair),
    byAddress.get(address),
    byAccount.get(email),
    known.get(pair),
  ]);
  const blocked = [
    reached(fromPair, GUESSES_PER_ACCOUNT_AND_ADDRESS) ? fromPair : null,
    !knownAddress && reached(fromAddress, FAILURES_PER_ADDRESS) ? fromAddress : null,
    !knownAddress && reached(forAccount, FAILURES_PER_ACCOUNT) ? forAccount : null,
  ].filter((r): r is RateLimiterRes => r !== null);
  return blocked.length ? Math.ceil(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000) : 0;
}

/** Counts one failed sign-in against the account from this address, the address and the account. */
export async function recordFailedSignIn(email: string, address: string): Promise<void> {
  const { byPair, byAddress, byAccount } = limiters();
  await Promise.all([
    byPair.penalty(pairKey(email, address), 1).catch(() => {}),
    byAddress.penalty(address, 1).catch(() => {}),
    byAccount.penalty(email, 1).catch(() => {}),
  ]);
}

/**
 * A successful sign-in clears the count for this account from this address and makes the address
 * known for the account; the account's and the address's counts stay (an attack may go on).
 */
export async function recordSuccessfulSignIn(email: string, address: string): Promise<void> {
  const { byPair, known } = limiters();
  const pair = pairKey(email, address);
  await Promise.all([byPair.delete(pair), known.set(pair, 1, KNOWN_ADDRESS_DAYS * 24 * 60 * 60)]);
}
