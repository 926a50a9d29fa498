import { createHash, randomBytes } from "node:crypto";

/** 18 random bytes: 144 bits, above the 128 the invite links must carry, 24 URL-safe characters. */
const TOKEN_BYTES = 18;

/** A new invite token for the link, and the hash that is all the database keeps of it. */
export function newInviteToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashInviteToken(token) };
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
