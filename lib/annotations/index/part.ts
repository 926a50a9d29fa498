import "server-only";
import { dbReads as db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { findPlacements } from "../find-placements.ts";
import { placeAt, placeInEdition, type PassageRange } from "../place-in-edition.ts";
import { toKind } from "../to-view.ts";
import type { AnchorView, AnnotationSummary, PersonView } from "../types.ts";
import { textOrder } from "./text-order.ts";
import { ThreadTimes } from "./thread-times.ts";

/** Where an index part is read: the source, and the edition its places are given in. */
export interface PartScope {
  source: { id: string };
  edition: { id: string; text: string; passages: PassageRange[] };
}

/**
 * The columns a thread's summary is made from (no bodies, no replies: a card shows those). No quote:
 * an annotation made on the edition shown was checked against its text when saved, so its position
 * is its place; only those made on older editions are read again with their quotes. Each column
 * read for 5,000 rows costs milliseconds, so there is no per-thread date: the index has one version.
 */
const INDEX_SELECT = {
  id: true,
  kind: true,
  authorId: true,
  editionId: true,
  tags: true,
  positionStart: true,
  positionEnd: true,
  deletedAt: true,
  hiddenAt: true,
  updatedAt: true,
  helpfulCount: true,
  featuredAt: true,
} satisfies Prisma.AnnotationSelect;

/** An imported annotation not found where it came from (stored without a position): listed apart. */
const ORPHAN: AnchorView = { status: "orphan" };

const QUOTE_SELECT = {
  id: true,
  quoteExact: true,
  quotePrefix: true,
  quoteSuffix: true,
  positionStart: true,
  positionEnd: true,
} satisfies Prisma.AnnotationSelect;

/** Summaries of some threads, sorted in text order, and the names of their authors. */
export interface IndexPart {
  annotations: AnnotationSummary[];
  people: PersonView[];
  /** When each thread last changed (ms since the epoch), by id: to bring a kept part up to date. */
  times: ThreadTimes;
  /**
   * The state of the threads the part was read from (partState), taken from the rows read: a key
   * that names exactly these rows, whatever committed between reading a state and reading them.
   */
  state: string;
}

export const NO_PART: IndexPart = { annotations: [], people: [], state: "", times: ThreadTimes.of([]) };

/** The thread roots on the source matching `where`: what a part is read from. */
function partWhere(source: { id: string }, where: Prisma.AnnotationWhereInput): Prisma.AnnotationWhereInput {
  return { sourceId: source.id, parentId: null, AND: [where] };
}

/**
 * The state of the thread roots on the source matching `where`: their count and latest change, so
 * it moves with every thread added, changed (its time) or gone (the count). A part keeps the state
 * of the rows it was read from, and only a part with the same state is ever served for it.
 */
export async function partState(
  source: { id: string },
  where: Prisma.AnnotationWhereInput,
  client: Pick<typeof db, "annotation"> = db,
): Promise<string> {
  const stats = await client.annotation.aggregate({
    where: partWhere(source, where),
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  return stateOf(stats._count._all, stats._max.updatedAt);
}

/**
 * The state of each author's part (partState of `byAuthor`'s where for them), for parts on one
 * source: one statement, grouped by author, where one aggregate each would be a round trip each (a
 * class's writers, after a burst of their notes). Each where is taken for its author alone.
 */
export async function partStatesByAuthor(
  source: { id: string },
  byAuthor: ReadonlyMap<string, Prisma.AnnotationWhereInput>,
): Promise<Map<string, string>> {
  if (byAuthor.size === 0) return new Map();
  const groups = await db.annotation.groupBy({
    by: ["authorId"],
    where: partWhere(source, {
      OR: [...byAuthor].map(([authorId, where]) => ({ authorId, AND: [where] })),
    }),
    _count: { _all: true },
    _max: { updatedAt: true },
  });
  const found = new Map(groups.map((group) => [group.authorId, group]));
  return new Map(
    [...byAuthor.keys()].map((authorId) => {
      const group = found.get(authorId);
      return [authorId, stateOf(group?._count._all ?? 0, group?._max.updatedAt)];
    }),
  );
}

function stateOf(count: number, latest: Date | null | undefined): string {
  return stateOfLatest(count, latest?.getTime() ?? 0);
}

/** A thread root as an index part reads it (INDEX_SELECT). */
export type IndexRow = Prisma.AnnotationGetPayload<{ select: typeof INDEX_SELECT }>;

/**
 * The summaries of the thread roots on the source matching `where`, with their authors' names: the
 * members of `namesOf`'s group (or the reader alone) are asked for beside the rows, one round trip
 * less; authors no longer in the group, and annotations of older editions, come after.
 */
export async function readIndexPart(
  list: PartScope,
  where: Prisma.AnnotationWhereInput,
  namesOf: { groupId: string } | { userId: string },
  mine: boolean,
): Promise<IndexPart> {
  const [roots, members] = await Promise.all([readIndexRows(db, list.source, where), namesIn(namesOf)]);
  return indexPartOf(list, roots, members, mine);
}

/** The thread roots on the source matching `where`, as a part reads them (through `client`). */
export function readIndexRows(
  client: Pick<typeof db, "annotation">,
  source: { id: string },
  where: Prisma.AnnotationWhereInput,
): Promise<IndexRow[]> {
  // No ORDER BY (a seventh of the time for 5,000 rows): a part is sorted in text order.
  return client.annotation.findMany({ where: partWhere(source, where), select: INDEX_SELECT });
}

/** The names of the members of `namesOf`'s group (or of the reader alone). */
export function namesIn(namesOf: { groupId: string } | { userId: string }): Promise<PersonView[]> {
  return db.user.findMany({
    where: "groupId" in namesOf ? { memberships: { some: namesOf } } : { id: namesOf.userId },
    select: { id: true, name: true },
  });
}

/**
 * The part made of `roots` (read with readIndexRows), their authors named from `members` or, for
 * those no longer among them, read; annotations of older editions placed in `list`'s by their quotes.
 */
export async function indexPartOf(
  list: PartScope,
  roots: readonly IndexRow[],
  members: readonly PersonView[],
  mine: boolean,
): Promise<IndexPart> {
  const { edition } = list;
  const names = new Map(members.map((person) => [person.id, person]));
  const authorIds = new Set(roots.map((root) => root.authorId));
  const formerMembers = [...authorIds].filter((id) => !names.has(id));
  const older = roots.filter((root) => root.editionId !== edition.id).map((root) => root.id);
  const [others, quoted, placements] = await Promise.all([
    formerMembers.length
      ? db.user.findMany({ where: { id: { in: formerMembers } }, select: { id: true, name: true } })
      : [],
    older.length ? db.annotation.findMany({ where: { id: { in: older } }, select: QUOTE_SELECT }) : [],
    findPlacements(db, edition.id, older),
  ]);
  for (const person of others) names.set(person.id, person);
  const quotes = new Map(quoted.map((row) => [row.id, row]));

  const annotations: AnnotationSummary[] = roots.map((row) => {
    const deleted = row.deletedAt !== null;
    const quote = quotes.get(row.id);
    return {
      id: row.id,
      kind: toKind(row.kind),
      authorId: row.authorId,
      mine,
      tags: deleted ? [] : row.tags,
      anchor:
        row.positionStart === null || row.positionEnd === null
          ? ORPHAN
          : quote
            ? placeInEdition(edition.text, edition.passages, quote, placements.get(row.id))
            : placeAt(edition.passages, row.positionStart, row.positionEnd),
      deleted,
      hidden: row.hiddenAt !== null,
      // A mark or a highlight moves the row's time, so the tier's part (and every reader's) follows.
      ...(row.helpfulCount > 0 && { helpful: row.helpfulCount }),
      ...(row.featuredAt !== null && !deleted && { featured: true as const }),
    };
  });
  annotations.sort(textOrder);
  let latest: Date | null = null;
  for (const row of roots) if (!latest || row.updatedAt > latest) latest = row.updatedAt;
  return {
    annotations,
    people: [...authorIds].flatMap((id) => names.get(id) ?? []),
    state: stateOf(roots.length, latest),
    times: ThreadTimes.of(roots.map((row) => [row.id, row.updatedAt.getTime()])),
  };
}

/** The state of threads with these change times (as partState gives for the same rows). */
export function stateOfTimes(times: ThreadTimes): string {
  let latest = 0;
  for (const time of times.values()) latest = Math.max(latest, time);
  return stateOfLatest(times.size, latest);
}

/** The state of `count` threads whose latest change was at `latest` (ms since the epoch). */
export function stateOfLatest(count: number, latest: number): string {
  return `${count}|${latest}`;
}

/** The latest change in a part's state (partState), ms since the epoch. */
export function latestOfState(state: string): number {
  return Number(state.split("|")[1] ?? 0);
}
