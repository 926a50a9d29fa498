import type { SearchTerm } from "./parse-search-query.ts";

/**
 * The conditions a row's folded `searchText` (migration search) must meet for every term: a word,
 * a word starting with its prefix; a phrase, its whole words in order. Each is a LIKE that the
 * column's trigram index answers. The folded text holds only a-z, 0-9 and spaces, so no pattern
 * character of LIKE can reach it.
 */
export function termsWhere(terms: readonly SearchTerm[]) {
  return terms.map((term) => ({
    searchText: {
      contains: term.kind === "word" ? ` ${term.prefix}` : ` ${term.words.join(" ")} `,
    },
  }));
}
