import "server-only";
import { getActor } from "@/lib/auth/get-current-user";
import { readTokenActor } from "@/lib/auth/read-token-actor";
import { bearerChallenge } from "@/lib/auth/verify-access-token";
import { AppError } from "@/lib/http/errors";
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
  const owner = await readTokenActor(request);
  if (owner) return { actor: owner, via: "token" };
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired", { challenge: bearerChallenge() });
  const safe = ["GET", "HEAD", "OPTIONS"].includes(request.method);
  if (!safe && !isSameOrigin(request.headers, request.url))
    throw new AppError("FORBIDDEN", "crossSiteRequest");
  return { actor, via: "session" };
}
