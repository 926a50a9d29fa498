import "server-only";
import { clientAddress } from "@/lib/http/request-client";
import { AppError } from "@/lib/http/errors";
import { tokenAllowsMethod } from "./policy.ts";
import { bearerChallenge, verifyAccessToken } from "./verify-access-token.ts";

/**
 * The owner of the personal access token a request carries (`Authorization: Bearer <token>`), or
 * null when it carries none. A token that is unknown, revoked or expired is refused (401 with a
 * bearer challenge, lib/auth/verify-access-token.ts); one whose scope does not allow the request's
 * method is 403 `insufficient_scope` (a read token that writes). The owner then acts as themselves:
 * never more than they may do signed in.
 */
export async function readTokenActor(request: Request): Promise<{ userId: string } | null> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) return null;
  const { userId, scope } = await verifyAccessToken(authorization, clientAddress(request.headers));
  if (!tokenAllowsMethod(scope, request.method)) {
    throw new AppError("FORBIDDEN", "tokenReadOnly", { challenge: bearerChallenge("insufficient_scope") });
  }
  return { userId };
}
