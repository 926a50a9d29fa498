import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { accessTokenHash } from "./access-token-hash.ts";
import {
  ACCESS_TOKEN_BYTES,
  ACCESS_TOKEN_PREFIX,
  CreateAccessTokenSchema,
  MAX_ACTIVE_TOKENS,
} from "./access-token-schema.ts";
import type { Actor } from "./policy.ts";

/**
 * Makes a personal access token for the actor, with a name and a scope ("read" or "read-write").
 * Only its hash is stored: the token returned here is shown once and can never be read again.
 * CONFLICT when the actor already holds MAX_ACTIVE_TOKENS unrevoked tokens.
 */
export async function createAccessToken(
  actor: Actor,
  input: unknown,
): Promise<{ id: string; token: string; name: string }> {
  const { userId } = requireActor(actor);
  const data = parseInput(CreateAccessTokenSchema, input);
  const active = await db.accessToken.count({ where: { userId, revokedAt: null } });
  if (active >= MAX_ACTIVE_TOKENS) throw new AppError("CONFLICT", "tooManyTokens");
  const token = ACCESS_TOKEN_PREFIX + randomBytes(ACCESS_TOKEN_BYTES).toString("base64url");
  const row = await db.accessToken.create({
    data: {
      userId,
      name: data.name,
      scope: data.scope === "read" ? "READ" : "READ_WRITE",
      tokenHash: accessTokenHash(token),
    },
    select: { id: true, name: true },
  });
  return { id: row.id, name: row.name, token };
}
