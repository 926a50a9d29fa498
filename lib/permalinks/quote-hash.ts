import { createHash } from "node:crypto";

/** SHA-256 (hex) of a quoted passage's exact text (UTF-8), as stored with its permalink. */
export function quoteHash(quote: string): string {
  return createHash("sha256").update(quote, "utf8").digest("hex");
}
