import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const PERMALINK_ID_LENGTH = 10;
export { PERMALINK_ID_PATTERN } from "./permalink-id-pattern.ts";

/** A new random id: 10 base-62 characters (~59 bits), unbiased (bytes ≥ 248 are drawn again). */
export function newPermalinkId(): string {
  let id = "";
  while (id.length < PERMALINK_ID_LENGTH) {
    for (const byte of randomBytes(16)) {
      if (byte < 248 && id.length < PERMALINK_ID_LENGTH) id += ALPHABET[byte % 62];
    }
  }
  return id;
}
