import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { AppError } from "./errors.ts";

const globalForRateLimits = globalThis as unknown as { glossaRateLimitPool?: pg.Pool };

/** The one small pool every rate limiter shares; on globalThis so hot reload reuses it. */
function pool(): pg.Pool {
  if (!globalForRateLimits.glossaRateLimitPool) {
    const created = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
    // An idle connection that breaks (the server restarts or goes away) is dropped by the pool and
    // replaced on next use; without a listener its error would end the process.
    created.on("error", () => {});
    globalForRateLimits.glossaRateLimitPool = created;
  }
  return globalForRateLimits.glossaRateLimitPool;
}

/**
 * rate-limiter-flexible names its prepared statements. The embedded database serves every connection
 * from one session, so a second connection preparing the same name fails ("prepared statement already
 * exists"); unnamed statements work on both databases. The pool is looked up on every query.
 */
const storeClient = {
  query: ({ text, values }: pg.QueryConfig) => pool().query({ text, values }),
};

/**
 * A limiter of `points` per `durationSeconds` per key, counted in PostgreSQL (table rate_limits, made
 * by a migration) so every app instance shares the counters. `keyPrefix` keeps limiters apart.
 */
export function postgresRateLimiter(options: {
  keyPrefix: string;
  points: number;
  durationSeconds: number;
}): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
  });
}

/** Whole seconds until a limited key may act again (at least 1). */
export function retryAfterSeconds(result: RateLimiterRes): number {
  return Math.max(1, Math.ceil(result.msBeforeNext / 1000));
}

/**
 * Takes one point for `key`; past the limit, throws RATE_LIMITED with the message key `message` and
 * `{ retryAfterSeconds }` (errorResponse answers 429 with a Retry-After header). Store failures are
 * thrown as they are.
 */
export async function consumeOrRefuse(
  limiter: RateLimiterPostgres,
  key: string,
  message: string,
): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new AppError("RATE_LIMITED", message, { retryAfterSeconds: retryAfterSeconds(error) });
    }
    throw error;
  }
}

/**
 * For limits that count failures only (a wrong join code): throws RATE_LIMITED with `message` when
 * any of `checks` (a limiter, its key, and the points that close it) has been reached, without
 * counting anything; the caller adds a penalty when the attempt fails.
 */
export async function refuseIfReached(
  checks: { limiter: RateLimiterPostgres; key: string; points: number }[],
  message: string,
): Promise<void> {
  const results = await Promise.all(checks.map(({ limiter, key }) => limiter.get(key)));
  const reached = results.filter(
    (result, i): result is RateLimiterRes => result !== null && result.consumedPoints >= checks[i]!.points,
  );
  if (reached.length) {
    const wait = Math.max(...reached.map(retryAfterSeconds));
    throw new AppError("RATE_LIMITED", message, { retryAfterSeconds: wait });
  }
}
