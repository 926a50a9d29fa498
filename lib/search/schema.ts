import { z } from "zod";
import { text } from "@/lib/http/input-schemas";
import { MAX_QUERY_LENGTH } from "./parse-search-query.ts";

/** Kinds a note result can be filtered by: a thread's kind, or a reply in a thread. */
export const NOTE_KINDS = ["comment", "question", "highlight", "reply"] as const;
export type NoteKindFilter = (typeof NOTE_KINDS)[number];

/** What a search returns: both groups, or one of them (to page through it). */
export const RESULT_TYPES = ["all", "passages", "notes"] as const;

/** Results per page, and the most an API client may ask for at once. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 50;
/** Pages past this are refused: nobody reads 2,000 results one page at a time, and deep offsets cost. */
export const MAX_PAGE = 100;

/** A filter from a form or a URL: an empty field (a plain GET form sends `tag=`) filters nothing. */
function filter(max: number, error: string) {
  return z.preprocess(
    (value) => (value === "" ? undefined : value),
    text(error).trim().max(max, { error }).optional(),
  );
}

/** A day (YYYY-MM-DD) that exists in the calendar. */
function day(error: string) {
  return z.preprocess(
    (value) => (value === "" ? undefined : value),
    z
      .string({ error })
      .regex(/^\d{4}-\d{2}-\d{2}$/u, { error })
      .refine(
        (value) => {
          const time = Date.parse(`${value}T00:00:00Z`);
          // "2026-02-30" parses (as 2 March) in some engines: the day must come back as written.
          return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
        },
        { error },
      )
      .optional(),
  );
}

/** A whole number from a URL, from 1 to `max` ("1e999", "-1", "2.5" and "abc" do not fit). */
function count(max: number, fallback: number, error: string) {
  return z.preprocess(
    (value) => (value === "" || value === undefined ? String(fallback) : value),
    z
      .string({ error })
      .regex(/^\d{1,6}$/u, { error })
      .transform(Number)
      .pipe(z.number().int().min(1, { error }).max(max, { error })),
  );
}

/**
 * A search, as the results page and `GET /api/search` read it from the URL: the query `q` (at most
 * MAX_QUERY_LENGTH characters), filters (source slug, group id or "none" for personal notes, author
 * id, tag, kind, assignment id, days from/to, inclusive), which group of results, and the page.
 */
export const SearchInputSchema = z.object({
  q: text("searchQueryRequired").max(MAX_QUERY_LENGTH, { error: "searchQueryTooLong" }),
  source: filter(200, "searchFilterInvalid"),
  group: filter(64, "searchFilterInvalid"),
  author: filter(64, "searchFilterInvalid"),
  tag: filter(100, "searchFilterInvalid"),
  assignment: filter(64, "searchFilterInvalid"),
  kind: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(NOTE_KINDS, { error: "searchFilterInvalid" }).optional(),
  ),
  from: day("searchDateInvalid"),
  to: day("searchDateInvalid"),
  type: z.preprocess(
    (value) => (value === "" || value === undefined ? "all" : value),
    z.enum(RESULT_TYPES, { error: "searchFilterInvalid" }),
  ),
  page: count(MAX_PAGE, 1, "searchPageInvalid"),
  limit: count(MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, "searchPageInvalid"),
});

export type SearchInput = z.output<typeof SearchInputSchema>;
