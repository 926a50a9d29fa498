import "server-only";
import { dbReads as db } from "@/lib/db";
import { ownWhere } from "../annotation-tags.ts";
import type { ListScope } from "../open-list.ts";
import type { AnnotationSummary, PersonView } from "../types.ts";
import { indexPartOf, latestOfState, namesIn, readIndexRows } from "./part.ts";

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
  const [countBefore] = from.split("|").map(Number);
  const [count] = to.split("|").map(Number);
  const since = latestOfState(from);
  const until = latestOfState(to);
  if (!Number.isFinite(countBefore) || !Number.isFinite(count) || count! < countBefore! || until < since) {
    return null;
  }
  const [rows, me] = await Promise.all([
    readIndexRows(db, list.source, {
      AND: [ownWhere(list, userId), { updatedAt: { gt: new Date(since) } }],
    }),
    namesIn({ userId }),
  ]);
  const told = await withoutThreadsAddedAfter(rows, until);
  if (!told) return null;
  const part = await indexPartOf(list, told, me, true);
  return { annotations: part.annotations, people: part.people, count: count! };
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
