import "server-only";
import { getActor } from "@/lib/auth/get-current-user";
import { tokenAllowsMethod } from "@/lib/auth/policy";
import { bearerChallenge, verifyAccessToken } from "@/lib/auth/verify-access-token";
import { AppError } from "@/lib/http/errors";
import { clientAddress } from "@/lib/http/request-client";
import { isSameOrigin } from "@/lib/http/same-origin";

/** Who calls a protocol endpoint, and how: with a personal access token, or a signed-in session. */
export interface ProtocolCaller {
  actor: { userId: string };
  via: "token" | "session";
}

/**
 * The caller of a protocol endpoint. With `Authorization: Bearer <token>`: the token's owner, if the
 * token is valid (else 401 with a bearer challenge) and its scope allows the method (a read token
 * that writes: 403, `insufficient_scope`). Without it: the signed-in session, whose writes must come
 * from this site (a session is an ambient credential, a token is not); nobody: 401 with a challenge.
 */
export async function readProtocolCaller(request: Request): Promise<ProtocolCaller> {
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const { userId, scope } = await verifyAccessToken(authorization, clientAddress(request.headers));
    if (!tokenAllowsMethod(scope, request.method)) {
      throw new AppError("FORBIDDEN", "tokenReadOnly", { challenge: bearerChallenge("insufficient_scope") });
    }
    return { actor: { userId }, via: "token" };
  }
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired", { challenge: bearerChallenge() });
  const safe = ["GET", "HEAD", "OPTIONS"].includes(request.method);
  if (!safe && !isSameOrigin(request.headers, request.url))
    throw new AppError("FORBIDDEN", "crossSiteRequest");
  return { actor, via: "session" };
}
