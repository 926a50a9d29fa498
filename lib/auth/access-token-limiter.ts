import "server-only";
import { postgresRateLimiter } from "@/lib/http/rate-limit";

export const TOKEN_FAILURE_WINDOW_SECONDS = 15 * 60;
/** Failed token checks one address may make per window: a misconfigured client stays below it, a guesser does not get far. */
export const TOKEN_FAILURES_PER_ADDRESS = 30;

let limiter: ReturnType<typeof postgresRateLimiter> | undefined;

/** The limiter of failed bearer-token checks per client address (counted in PostgreSQL). */
export function tokenFailureLimiter() {
  return (limiter ??= postgresRateLimiter({
    keyPrefix: "token:address",
    points: TOKEN_FAILURES_PER_ADDRESS,
    durationSeconds: TOKEN_FAILURE_WINDOW_SECONDS,
  }));
}
