import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { type CitedPassage, findCitedPassages } from "./find-cited-passages.ts";

/**
 * The passage a permalink points at, as a cross-reference would cite it (the editor shows it before
 * inserting the chip). NOT_FOUND `permalinkNotFound` for a malformed or unknown id.
 */
export async function getCitedPassage(id: string): Promise<CitedPassage> {
  const passage = (await findCitedPassages(db, [id])).get(id);
  if (!passage) throw new NotFoundError("permalinkNotFound");
  return passage;
}
