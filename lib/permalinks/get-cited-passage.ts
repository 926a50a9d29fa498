import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { type CitedPassage, findCitedPassages } from "./find-cited-passages.ts";

/**
 * The passage a permalink points at, as a cross-reference would cite it (the editor shows it before
 * inserting the chip). NOT_FOUND `permalinkNotFound` for a malformed or unknown id, or one on a source
 * `actor` may not read.
 */
export async function getCitedPassage(id: string, actor: Actor): Promise<CitedPassage> {
  const passage = (await findCitedPassages(db, [id], actor)).get(id);
  if (!passage) throw new NotFoundError("permalinkNotFound");
  return passage;
}
