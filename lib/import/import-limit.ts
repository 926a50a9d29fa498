import "server-only";
import { consumeOrRefuse, postgresRateLimiter } from "@/lib/http/rate-limit";

/**
 * Imports per account per hour. Reading a file of up to 20 MB (thousands of bodies parsed, every
 * entry anchored) costs seconds of an instance's time, so a script may not send them without pause;
 * an instructor carrying a term's notes over imports a few files.
 */
export const IMPORTS_PER_HOUR = 12;

/** The message key (under "errors") of the refusal; the form adds the minutes to wait. */
export const IMPORT_RATE_LIMITED = "importRateLimited";

let limiter: ReturnType<typeof postgresRateLimiter> | undefined;

/** Counts one import against the user, or throws RATE_LIMITED (429 with Retry-After) past the limit. */
export function countImport(userId: string): Promise<void> {
  limiter ??= postgresRateLimiter({
    keyPrefix: "import:user",
    points: IMPORTS_PER_HOUR,
    durationSeconds: 60 * 60,
  });
  return consumeOrRefuse(limiter, userId, IMPORT_RATE_LIMITED);
}
