import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/errors";
import { consumeOrRefuse, postgresRateLimiter } from "@/lib/http/rate-limit";
import { createPermalink } from "./create-permalink.ts";

/**
 * Limits on making permalinks, by POST /api/permalinks and by POST /api/citations (the cite dialog),
 * which share one count. Anyone may make them, signed in or not, so without a limit a script could
 * fill the permalinks table. Asking again for a passage's link counts too: citing also formats it.
 */
export const PERMALINK_WINDOW_SECONDS = 10 * 60;
/** A signed-in reader, counted by account: one person citing a passage every ten seconds. */
export const PERMALINKS_PER_USER = 60;
/**
 * Anonymous readers, counted by client address. Generous on purpose: a seminar room or a university
 * network reaches the app through one NAT, so thirty students citing ten passages each in ten minutes
 * share one address; a script is still held to a few hundred rows per ten minutes.
 */
export const PERMALINKS_PER_ADDRESS = 300;

/** The message key (under "errors") of the refusal; the client adds the minutes to wait. */
export const PERMALINK_RATE_LIMITED = "citeRateLimited";

/** Who asks for a permalink: the signed-in user (counted by id) or else the client's address. */
export interface PermalinkRequester {
  actor: Actor;
  address: string;
}

export interface PermalinkLimits {
  perUser: number;
  perAddress: number;
  windowSeconds: number;
}

const DEFAULT_LIMITS: PermalinkLimits = {
  perUser: PERMALINKS_PER_USER,
  perAddress: PERMALINKS_PER_ADDRESS,
  windowSeconds: PERMALINK_WINDOW_SECONDS,
};

/**
 * A counter of permalink creations under `limits` (tests pass lower ones): each call takes one from
 * the requester's allowance, or throws RATE_LIMITED (429 with Retry-After) when none is left.
 */
export function permalinkCreationLimit(
  limits: PermalinkLimits = DEFAULT_LIMITS,
): (requester: PermalinkRequester) => Promise<void> {
  const durationSeconds = limits.windowSeconds;
  const byUser = postgresRateLimiter({
    keyPrefix: "permalink:user",
    points: limits.perUser,
    durationSeconds,
  });
  const byAddress = postgresRateLimiter({
    keyPrefix: "permalink:address",
    points: limits.perAddress,
    durationSeconds,
  });
  return ({ actor, address }) =>
    actor
      ? consumeOrRefuse(byUser, actor.userId, PERMALINK_RATE_LIMITED)
      : consumeOrRefuse(byAddress, address, PERMALINK_RATE_LIMITED);
}

let defaultLimit: ReturnType<typeof permalinkCreationLimit> | undefined;

/** Counts one permalink creation against the requester under the default limits (see above). */
export function countPermalinkCreation(requester: PermalinkRequester): Promise<void> {
  return (defaultLimit ??= permalinkCreationLimit())(requester);
}

/**
 * A permalink made only while the requester is within their allowance (the quote checker's "Cite this
 * passage" link): its id, or null past the limit, so a page can offer something else instead of
 * failing. `count` is the limit to count against (tests pass lower ones).
 */
export async function permalinkWithinLimit(
  requester: PermalinkRequester,
  input: unknown,
  count: (requester: PermalinkRequester) => Promise<void> = countPermalinkCreation,
): Promise<string | null> {
  try {
    await count(requester);
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return null;
    throw error;
  }
  return (await createPermalink(input, requester.actor)).id;
}
