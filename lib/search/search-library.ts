import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { invalidField } from "@/lib/http/errors";
import { findAssignmentScope } from "./find-assignment-scope.ts";
import { findNotes } from "./find-notes.ts";
import { findPassages } from "./find-passages.ts";
import { parseSearchQuery } from "./parse-search-query.ts";
import type { SearchInput } from "./schema.ts";
import type { SearchResults } from "./types.ts";

/** Filters only notes have: with any of them, no passage can match. */
const NOTE_ONLY_FILTERS = ["group", "author", "tag", "kind", "from", "to"] as const;

/**
 * Searches the library for the caller: the sentences of the sources (original and working
 * translation, which anyone may read) and the notes and replies the caller may read (the policy's
 * where clauses, lib/search/find-notes.ts), matching every term of `q` (lib/search/parse-search-query.ts),
 * each group paged alike. `assignment` narrows both to the assignment's readings (its sources and
 * assigned sentences) and the notes to those of its group there (lib/search/assignment-where.ts). `search` is the URL's query parsed with SearchInputSchema; a query with
 * nothing to search for (punctuation only) is refused with "searchQueryEmpty".
 */
export async function searchLibrary(actor: Actor, search: SearchInput): Promise<SearchResults> {
  const terms = parseSearchQuery(search.q);
  if (terms.length === 0)
    throw invalidField("q", search.q.trim() === "" ? "searchQueryRequired" : "searchQueryEmpty");
  const { page, limit, type } = search;
  const notesOnly = NOTE_ONLY_FILTERS.some((name) => search[name] !== undefined);
  const none = { total: 0, items: [] };
  const scope =
    search.assignment === undefined ? undefined : await findAssignmentScope(actor, search.assignment);
  // An assignment the caller cannot read (or none) matches nothing, like any filter that fits nothing.
  if (scope === null) return { page, limit, passages: none, notes: none };
  const [passages, notes] = await Promise.all([
    type === "notes" || notesOnly
      ? none
      : findPassages(actor, terms, { source: search.source, readings: scope?.readings, page, limit }),
    type === "passages" ? none : findNotes(actor, terms, { ...search, assignmentScope: scope, page, limit }),
  ]);
  return { page, limit, passages, notes };
}
