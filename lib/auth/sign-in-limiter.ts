import "server-only";
import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";

/** Failed sign-ins allowed per account and per address within the window. */
export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;

const globalForLimiter = globalThis as unknown as {
  glossaSignInLimiters?: ReturnType<typeof createLimiters>;
};

function createLimiters() {
  // The counters live in PostgreSQL (table rate_limits, made by a migration), shared by every instance.
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
  // An idle connection that breaks (the server restarts or goes away) is dropped by the pool and
  // replaced on next use; without a listener its error would end the process.
  pool.on("error", () => {});
  // rate-limiter-flexible names its prepared statements. The embedded database serves every
  // connection from one session, so a second connection preparing the same name fails ("prepared
  // statement already exists"); unnamed statements work on both databases.
  const storeClient = {
    query: ({ text, values }: pg.QueryConfig) => pool.query({ text, values }),
  };
  const options = {
    storeClient,
    storeType: "pool",
    tableName: "rate_limits",
    tableCreated: true,
    clearExpiredByTimeout: false,
    points: SIGN_IN_ATTEMPTS,
    duration: SIGN_IN_WINDOW_SECONDS,
  };
  return {
    byAccount: new RateLimiterPostgres({ ...options, keyPrefix: "signin:account" }),
    byAddress: new RateLimiterPostgres({ ...options, keyPrefix: "signin:address" }),
  };
}

function limiters() {
  return (globalForLimiter.glossaSignInLimiters ??= createLimiters());
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
