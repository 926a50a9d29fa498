import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { refuseIfReached } from "@/lib/http/rate-limit";
import { accessTokenHash } from "./access-token-hash.ts";
import { TOKEN_FAILURES_PER_ADDRESS, tokenFailureLimiter } from "./access-token-limiter.ts";
import { ACCESS_TOKEN_PREFIX, type AccessTokenScopeName } from "./access-token-schema.ts";

/** The realm bearer challenges name (RFC 6750). */
export const TOKEN_REALM = "glossa";

/** WWW-Authenticate for a request without credentials, or (with `error`) with a refused token. */
export function bearerChallenge(error?: "invalid_token" | "insufficient_scope"): string {
  return `Bearer realm="${TOKEN_REALM}"${error ? `, error="${error}"` : ""}`;
}

/** A token's longest plausible length: longer input is refused before it is hashed. */
const MAX_TOKEN_LENGTH = 200;

/** How often lastUsedAt is written for a token in use: a busy client does not write on every request. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * The user and scope of the personal access token in an `Authorization: Bearer …` header value.
 * An unknown, revoked or expired token is UNAUTHENTICATED with a bearer challenge (401 with
 * WWW-Authenticate); each such failure counts against the client's address, and past
 * TOKEN_FAILURES_PER_ADDRESS in the window the address is refused (429) before any token is looked up.
 */
export async function verifyAccessToken(
  authorization: string,
  address: string,
): Promise<{ userId: string; scope: AccessTokenScopeName }> {
  const limiter = tokenFailureLimiter();
  await refuseIfReached(
    [{ limiter, key: address, points: TOKEN_FAILURES_PER_ADDRESS }],
    "tooManyTokenFailures",
  );
  const match = /^Bearer +(\S+)\s*$/iu.exec(authorization);
  const token = match?.[1] ?? "";
  const now = new Date();
  const row =
    token.startsWith(ACCESS_TOKEN_PREFIX) && token.length <= MAX_TOKEN_LENGTH
      ? await db.accessToken.findUnique({
          where: { tokenHash: accessTokenHash(token) },
          select: { id: true, userId: true, scope: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
        })
      : null;
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) {
    await limiter.penalty(address, 1);
    throw new AppError("UNAUTHENTICATED", "tokenInvalid", { challenge: bearerChallenge("invalid_token") });
  }
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_PRECISION_MS) {
    await db.accessToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { userId: row.userId, scope: row.scope === "READ" ? "read" : "read-write" };
}
