import "server-only";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { NotFoundError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { RevokeAccessTokenSchema } from "./access-token-schema.ts";
import { accessTokenWhere, type Actor } from "./policy.ts";

/**
 * Revokes one of the actor's own tokens: from now on a request bearing it is refused (401). Someone
 * else's token, or one already revoked, is NOT_FOUND.
 */
export async function revokeAccessToken(actor: Actor, input: unknown): Promise<void> {
  const owner = requireActor(actor);
  const { id } = parseInput(RevokeAccessTokenSchema, input);
  const { count } = await db.accessToken.updateMany({
    where: { id, ...accessTokenWhere(owner), revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (count === 0) throw new NotFoundError("tokenNotFound");
}
