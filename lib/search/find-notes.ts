import "server-only";
import { annotationReadWhere, anonymousNotesWhere, replyReadWhere, type Actor } from "@/lib/auth/policy";
import { loadPeerNames } from "@/lib/assignments/anonymity";
import { loadMemberships, placeOf } from "@/lib/annotations/access";
import { findPlacements } from "@/lib/annotations/find-placements";
import { isShownPlacement, type StoredPlacement } from "@/lib/annotations/stored-placement";
import { dbReads } from "@/lib/db";
import { SOURCE_TITLES_AND_LATEST_SELECT } from "@/lib/sources/source-titles-select";
import { assignmentNotesWhere } from "./assignment-where.ts";
import type { AssignmentScope } from "./find-assignment-scope.ts";
import { findHighlights, makeSnippet } from "./highlight-snippet.ts";
import type { SearchTerm } from "./parse-search-query.ts";
import { MAX_PAGE, type NoteKindFilter, type SearchInput } from "./schema.ts";
import { tagSpellings } from "./tag-spellings.ts";
import { termsWhere } from "./terms-where.ts";
import type { NoteResult, ResultGroup } from "./types.ts";

/** The filters that narrow notes (and that passages, which have no author or date, cannot meet). */
export type NoteFilters = Pick<SearchInput, "source" | "group" | "author" | "tag" | "kind" | "from" | "to">;

const DAY_MS = 24 * 60 * 60 * 1000;
/** Notes are counted this many pages past the page asked for; beyond, the count says "more than". */
export const COUNT_PAGES_AHEAD = 10;

/**
 * What the caller may read, as the policy says: thread roots by `annotationReadWhere`, replies by
 * `replyReadWhere`, as two clauses (counted apart: see findNotes). Deleted notes (tombstones) are
 * never found, whatever their quotation says.
 */
function readableWhere(actor: Actor, memberships: Awaited<ReturnType<typeof loadMemberships>>) {
  return {
    roots: { deletedAt: null, parentId: null, ...annotationReadWhere(actor, memberships) },
    replies: { deletedAt: null, parentId: { not: null }, ...replyReadWhere(actor, memberships) },
  };
}

function kindWhere(kind: NoteKindFilter | undefined) {
  if (kind === undefined) return {};
  if (kind === "reply") return { parentId: { not: null } };
  return { parentId: null, kind: kind.toUpperCase() as "COMMENT" | "QUESTION" | "HIGHLIGHT" };
}

function filtersWhere(
  filters: NoteFilters,
  anonymous: ReturnType<typeof anonymousNotesWhere>,
  spellings: readonly string[] | undefined,
) {
  return {
    ...(filters.source === undefined ? {} : { source: { slug: filters.source } }),
    ...(filters.group === undefined ? {} : { groupId: filters.group === "none" ? null : filters.group }),
    // A classmate's notes shown under a pseudonym are never found by their id (anonymous to peers).
    ...(filters.author === undefined
      ? {}
      : { authorId: filters.author, ...(anonymous && { NOT: anonymous }) }),
    // A tag as the search box takes words: whatever its case and diacritics (tagSpellings).
    ...(spellings === undefined ? {} : { tags: { hasSome: [...spellings] } }),
    ...kindWhere(filters.kind),
    createdAt: {
      ...(filters.from === undefined ? {} : { gte: new Date(`${filters.from}T00:00:00Z`) }),
      ...(filters.to === undefined ? {} : { lt: new Date(Date.parse(`${filters.to}T00:00:00Z`) + DAY_MS) }),
    },
  };
}

const NOTE_SELECT = {
  id: true,
  parentId: true,
  kind: true,
  bodyText: true,
  quoteExact: true,
  tags: true,
  createdAt: true,
  hiddenAt: true,
  editionId: true,
  positionStart: true,
  positionEnd: true,
  groupId: true,
  sourceId: true,
  authorId: true,
  author: { select: { id: true, name: true } },
  group: { select: { id: true, name: true } },
  // With its latest edition: the one the reader opens, where a note's sentence is numbered.
  source: { select: SOURCE_TITLES_AND_LATEST_SELECT },
  parent: { select: { editionId: true, positionStart: true, positionEnd: true, quoteExact: true } },
} as const;

/**
 * The notes and replies the caller may read that match every term in their body, the passage they
 * quote or their tags (and, with `assignmentScope`, are on the assignment's readings in its
 * group), newest first: the `page` (1-based) of `limit` and how many there are, counted under the
 * same policy up to COUNT_PAGES_AHEAD pages past `page` (never past MAX_PAGE, the last page one may
 * ask for): past that, `total` is that many and `atLeast` is set. An anonymous caller reads none.
 */
export async function findNotes(
  actor: Actor,
  terms: readonly SearchTerm[],
  options: NoteFilters & { assignmentScope?: AssignmentScope; page: number; limit: number },
): Promise<ResultGroup<NoteResult>> {
  if (!actor) return { total: 0, items: [] };
  const memberships = await loadMemberships(dbReads, actor);
  const scope = options.assignmentScope;
  const readable = readableWhere(actor, memberships);
  const spellings = options.tag === undefined ? undefined : await tagSpellings(options.tag);
  const narrowed = [
    filtersWhere(options, anonymousNotesWhere(actor, memberships), spellings),
    ...(scope ? [assignmentNotesWhere(scope)] : []),
    ...termsWhere(terms),
  ];
  const where = { AND: [{ OR: [readable.roots, readable.replies] }, ...narrowed] };
  // Counted as roots and replies apart (one count over both joined every match to its thread, for
  // the replies' rule), and only as far as COUNT_PAGES_AHEAD pages past this one (never past
  // MAX_PAGE): a common word matches tens of thousands of notes, and counting 2,000 of them took
  // most of a search's time (`npm run bench:search`).
  const cap = Math.min(MAX_PAGE, options.page + COUNT_PAGES_AHEAD) * options.limit;
  // In the pages' order, so that the count walks the index the pages do and stops at `cap` (replies
  // over an index of their own: migration 20261207034500_search_replies_newest_first).
  const orderBy = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  const [roots, replies, rows] = await Promise.all([
    dbReads.annotation.count({ where: { AND: [readable.roots, ...narrowed] }, orderBy, take: cap + 1 }),
    dbReads.annotation.count({ where: { AND: [readable.replies, ...narrowed] }, orderBy, take: cap + 1 }),
    dbReads.annotation.findMany({
      where,
      orderBy,
      skip: (options.page - 1) * options.limit,
      take: options.limit,
      select: NOTE_SELECT,
    }),
  ]);
  const [sentences, names] = await Promise.all([
    sentencesInLatest(rows),
    loadPeerNames(actor, memberships, rows.map(placeOf)),
  ]);
  return {
    total: Math.min(roots + replies, cap),
    ...(roots + replies > cap ? { atLeast: true as const } : {}),
    items: rows.map((row) => {
      const quote = row.parent?.quoteExact ?? row.quoteExact;
      return {
        id: row.id,
        threadId: row.parentId,
        kind: row.parentId ? "reply" : (row.kind.toLowerCase() as NoteKindFilter),
        source: { slug: row.source.slug, titlePl: row.source.titlePl, titleEn: row.source.titleEn },
        sentence: sentences.get(row.id) ?? null,
        author: names(placeOf(row), row.author),
        group: row.group,
        body: makeSnippet(row.bodyText, findHighlights(row.bodyText, terms)),
        quote: makeSnippet(quote, findHighlights(quote, terms)),
        tags: row.tags,
        createdAt: row.createdAt.toISOString(),
        hidden: row.hiddenAt !== null,
      };
    }),
  };
}

/**
 * The sentence each note (a reply: its thread) starts in, in its source's latest edition, the one its
 * result opens in the reader, by note id: where it was written, or where a revision placed it since
 * (its stored placement, as readers show it). A note the latest edition does not show (an orphan,
 * one awaiting review or left on its own edition) has none: its result opens the source, never a
 * sentence of another passage.
 */
async function sentencesInLatest(
  rows: readonly {
    id: string;
    parentId: string | null;
    editionId: string;
    positionStart: number | null;
    source: { editions: readonly { id: string }[] };
    parent: { editionId: string; positionStart: number | null } | null;
  }[],
): Promise<Map<string, number>> {
  const latestOf = (row: (typeof rows)[number]) => row.source.editions[0]?.id;
  const earlier = new Map<string, Set<string>>();
  for (const row of rows) {
    const latest = latestOf(row);
    if (latest && (row.parent ?? row).editionId !== latest) {
      earlier.set(latest, (earlier.get(latest) ?? new Set()).add(row.parentId ?? row.id));
    }
  }
  const placed = new Map<string, StoredPlacement>();
  await Promise.all(
    [...earlier].map(async ([latest, roots]) => {
      for (const [root, placement] of await findPlacements(dbReads, latest, [...roots])) {
        placed.set(`${latest}:${root}`, placement);
      }
    }),
  );
  const places = new Map<string, { editionId: string; positionStart: number | null }>();
  for (const row of rows) {
    const latest = latestOf(row);
    const place = row.parent ?? row;
    if (!latest) continue;
    if (place.editionId === latest) places.set(row.id, place);
    else {
      const placement = placed.get(`${latest}:${row.parentId ?? row.id}`);
      if (placement && isShownPlacement(placement)) {
        places.set(row.id, { editionId: latest, positionStart: placement.start });
      }
    }
  }
  const numbers = await sentencesOf([...places.values()]);
  const found = new Map<string, number>();
  for (const [id, place] of places) {
    const number = numbers.get(`${place.editionId}:${place.positionStart}`);
    if (number !== undefined) found.set(id, number);
  }
  return found;
}

/** The sentence number each (edition, position) falls in, read in one query for a page of notes. */
async function sentencesOf(places: readonly { editionId: string; positionStart: number | null }[]) {
  const wanted = places.filter(
    (p): p is { editionId: string; positionStart: number } => p.positionStart !== null,
  );
  const found = new Map<string, number>();
  if (wanted.length === 0) return found;
  const passages = await dbReads.passage.findMany({
    where: {
      OR: wanted.map((p) => ({
        editionId: p.editionId,
        start: { lte: p.positionStart },
        end: { gt: p.positionStart },
      })),
    },
    select: { editionId: true, start: true, end: true, number: true },
  });
  for (const p of wanted) {
    const passage = passages.find(
      (s) => s.editionId === p.editionId && s.start <= p.positionStart && s.end > p.positionStart,
    );
    if (passage) found.set(`${p.editionId}:${p.positionStart}`, passage.number);
  }
  return found;
}
