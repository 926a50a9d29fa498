import { createHash } from "node:crypto";

/** The stored form of a token: its SHA-256 in hex (the token is random, so no salt or slow hash is needed). */
export function accessTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
