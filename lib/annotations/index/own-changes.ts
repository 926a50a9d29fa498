import "server-only";
import { dbReads as db } from "@/lib/db";
import { ownWhere } from "../annotation-tags.ts";
import type { ListScope } from "../open-list.ts";
import type { AnnotationSummary, PersonView } from "../types.ts";
import { indexPartOf, latestOfState, readIndexRows } from "./part.ts";

/** A reader's own threads added or changed between two states of their own part. */
export interface OwnChanges {
  annotations: AnnotationSummary[];
  people: PersonView[];
  /** How many threads their own part holds in the later state: the reader checks theirs against it. */
  count: number;
}

/**
 * The reader's own threads in the list's scope that changed from own-part state `from` to `to`
 * (partState's "count|latest"): those changed after `from`'s latest, as their part reads them
 * (marked as theirs). Threads added after `to` (the reader writes on while their change is told)
 * are not in `to` and are left out: the next change tells them. Null when that cannot tell the
 * change: fewer threads than before (one gone), or a thread of `to` changed since (the version would
 * not name it as it is now).
 *
 * A thread gone alongside one added leaves the count as it was: the reader finds it by counting
 * their own threads after applying the changes (`count`), and fetches the index instead. So after a
 * writer's own note their tabs are sent it with the class's, rather than each asking the index:
 * under a class writing, every reader is a writer, and a fetch each would cost readers × writes.
 */
export async function ownChangesBetween(
  list: ListScope,
  userId: string,
  from: string,
  to: string,
): Promise<OwnChanges | null> {
  return (await ownChangesOf(list.source, [{ list, userId, from, to }])).get(userId) ?? null;
}

/** A reader whose own changes are asked for (ownChangesBetween's arguments). */
export interface OwnChangesAsked {
  list: ListScope;
  userId: string;
  from: string;
  to: string;
}

/**
 * ownChangesBetween for several readers of one source (each user once), by user: their rows read in
 * one statement and their names in another, however many of a class's writers moved together.
 */
export async function ownChangesOf(
  source: { id: string },
  asked: readonly OwnChangesAsked[],
): Promise<Map<string, OwnChanges | null>> {
  const told = new Map<string, OwnChanges | null>();
  const readable = asked.flatMap((ask) => {
    const [countBefore] = ask.from.split("|").map(Number);
    const [count] = ask.to.split("|").map(Number);
    const since = latestOfState(ask.from);
    const until = latestOfState(ask.to);
    if (!Number.isFinite(countBefore) || !Number.isFinite(count) || count! < countBefore! || until < since) {
      told.set(ask.userId, null);
      return [];
    }
    return [{ ...ask, count: count!, since, until }];
  });
  if (readable.length === 0) return told;
  const [rows, names] = await Promise.all([
    readIndexRows(db, source, {
      OR: readable.map((ask) => ({
        AND: [ownWhere(ask.list, ask.userId), { updatedAt: { gt: new Date(ask.since) } }],
      })),
    }),
    db.user.findMany({
      where: { id: { in: readable.map((ask) => ask.userId) } },
      select: { id: true, name: true },
    }),
  ]);
  await Promise.all(
    readable.map(async (ask) => {
      const theirs = rows.filter((row) => row.authorId === ask.userId);
      const kept = await withoutThreadsAddedAfter(theirs, ask.until);
      if (!kept) {
        told.set(ask.userId, null);
        return;
      }
      const me = names.filter((person) => person.id === ask.userId);
      const part = await indexPartOf(ask.list, kept, me, true);
      told.set(ask.userId, { annotations: part.annotations, people: part.people, count: ask.count });
    }),
  );
  return told;
}

/**
 * `rows` without the threads added after `latest` (the latest change `to` holds: a thread created
 * later cannot be in it), or null when one of the others changed after it. The times of creation are
 * read only when a row changed after `latest`: rarely, as a writer's next note lands mid-pass.
 */
async function withoutThreadsAddedAfter<R extends { id: string; updatedAt: Date }>(
  rows: readonly R[],
  latest: number,
): Promise<readonly R[] | null> {
  const newer = rows.filter((row) => row.updatedAt.getTime() > latest);
  if (newer.length === 0) return rows;
  const created = await db.annotation.findMany({
    where: { id: { in: newer.map((row) => row.id) } },
    select: { id: true, createdAt: true },
  });
  const addedAfter = new Set(created.filter((row) => row.createdAt.getTime() > latest).map((row) => row.id));
  if (newer.some((row) => !addedAfter.has(row.id))) return null;
  return rows.filter((row) => !addedAfter.has(row.id));
}
