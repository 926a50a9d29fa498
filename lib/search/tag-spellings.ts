import "server-only";
import { dbReads } from "@/lib/db";
import { foldText } from "./fold-text.ts";

/** At most this many spellings of one tag are looked for ("Kresy", "kresy", "KRESY", …). */
const MAX_SPELLINGS = 50;

/**
 * The tags as written on notes that are `tag` folded as search folds words (case and diacritics:
 * "smigly" is "Śmigły"'s, "kresy" is "Kresy"'s), for a tag filter that forgives them as the search
 * box does. Only notes whose folded text holds the tag's words are looked at (the trigram index of
 * `searchText`, which folds tags with the body). The spellings only narrow the caller's own query,
 * which applies the policy: they never reach the caller. A tag with no searchable letter is matched
 * as written.
 */
export async function tagSpellings(tag: string): Promise<string[]> {
  const folded = foldText(tag);
  if (folded === "") return [tag];
  const rows = await dbReads.$queryRawUnsafe<{ tag: string }[]>(
    `SELECT DISTINCT t AS "tag" FROM "Annotation" a, unnest(a."tags") t
     WHERE a."searchText" LIKE $1 AND btrim("search_fold"(t)) = $2
     LIMIT ${MAX_SPELLINGS}`,
    `% ${folded} %`,
    folded,
  );
  return [...new Set([tag, ...rows.map((row) => row.tag)])];
}
