import "server-only";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import type { AccessTokenScopeName } from "./access-token-schema.ts";
import type { Actor } from "./policy.ts";

export interface AccessTokenView {
  id: string;
  name: string;
  scope: AccessTokenScopeName;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** The actor's own tokens, newest first (never their hashes): unrevoked ones, then revoked ones. */
export async function findAccessTokens(actor: Actor): Promise<AccessTokenView[]> {
  const { userId } = requireActor(actor);
  const rows = await db.accessToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, name: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  const views = rows.map((row) => ({
    ...row,
    scope: (row.scope === "READ" ? "read" : "read-write") as AccessTokenScopeName,
  }));
  return [...views.filter((v) => !v.revokedAt), ...views.filter((v) => v.revokedAt)];
}
