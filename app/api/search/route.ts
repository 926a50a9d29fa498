import { route } from "@/lib/http/route";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";

/**
 * GET `?q=…`: the sentences and the notes the caller may read that match the query, in two groups
 * (`passages`, `notes`), each with its `total` and one page of `items` with highlighted snippets
 * (text plus `highlights` as offsets, never markup). Filters: `source` (slug), `group` (id, or
 * `none` for personal notes), `author` (user id), `tag`, `kind` (comment, question, highlight,
 * reply), `from`/`to` (YYYY-MM-DD, inclusive), `type` (all, passages, notes); paging: `page`
 * (1–100), `limit` (1–50). A query over 200 characters, or with nothing to search for: 422. API
 * clients may send a personal access token (`Authorization: Bearer …`) to search as its owner.
 */
export const GET = route({ caller: "anyone-or-token", query: SearchInputSchema }, async ({ actor, query }) =>
  searchLibrary(actor, query),
);
