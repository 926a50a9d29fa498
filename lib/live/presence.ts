import "server-only";
import { dbReads as db } from "@/lib/db";
import type { PersonView } from "@/lib/annotations/types";

/**
 * Who reads a source in a group now, across app instances: each instance marks the readers it holds
 * live connections for (a row per reader, source and group, `seenAt` on the database's clock) when
 * they connect and every PRESENCE_INTERVAL_MS, and unmarks them when they leave. A row not marked for
 * PRESENT_WITHIN_MS belongs to an instance that went away and counts for nothing. No request of the
 * reader's costs anything: presence rides on the live connection each page already holds.
 */
export const PRESENCE_INTERVAL_MS = 15_000;
export const PRESENT_WITHIN_MS = 40_000;
/** Stale rows are deleted once they are this old (by whichever instance marks next). */
const FORGET_AFTER_MS = 10 * 60_000;

export interface PresenceRow {
  userId: string;
  sourceId: string;
  groupId: string;
}

/** Marks `rows` as reading now: one statement for all of them. */
export async function markPresent(rows: readonly PresenceRow[]): Promise<void> {
  const unique = [
    ...new Map(rows.map((row) => [`${row.sourceId}|${row.groupId}|${row.userId}`, row])).values(),
  ];
  if (unique.length === 0) return;
  await db.$executeRaw`
    INSERT INTO "Presence" ("userId", "sourceId", "groupId", "seenAt")
    SELECT t.u, t.s, t.g, now() AT TIME ZONE 'UTC'
    FROM unnest(
      ${unique.map((row) => row.userId)}::text[],
      ${unique.map((row) => row.sourceId)}::text[],
      ${unique.map((row) => row.groupId)}::text[]
    ) AS t(u, s, g)
    JOIN "Membership" m ON m."userId" = t.u AND m."groupId" = t.g
    ON CONFLICT ("sourceId", "groupId", "userId") DO UPDATE SET "seenAt" = EXCLUDED."seenAt"`;
}

/** The reader left (their last connection here closed). */
export async function markAbsent(row: PresenceRow): Promise<void> {
  await db.presence.deleteMany({ where: row });
}

/** Deletes rows long stale (their instances went away without unmarking). */
export async function forgetStale(): Promise<void> {
  await db.$executeRaw`
    DELETE FROM "Presence"
    WHERE "seenAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${FORGET_AFTER_MS / 1000})`;
}

/**
 * The members of each of `groupIds` reading the source now (marked lately, still members), by
 * name: one query for all the groups.
 */
export async function readingNow(
  sourceId: string,
  groupIds: readonly string[],
): Promise<Map<string, PersonView[]>> {
  const present = new Map<string, PersonView[]>(groupIds.map((id) => [id, []]));
  if (groupIds.length === 0) return present;
  const rows = await db.$queryRaw<{ groupId: string; id: string; name: string }[]>`
    SELECT p."groupId", u."id", u."name"
    FROM "Presence" p
    JOIN "Membership" m ON m."userId" = p."userId" AND m."groupId" = p."groupId"
    JOIN "User" u ON u."id" = p."userId"
    WHERE p."sourceId" = ${sourceId}
      AND p."groupId" = ANY(${[...groupIds]}::text[])
      AND p."seenAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => ${PRESENT_WITHIN_MS / 1000})
    ORDER BY u."name", u."id"`;
  for (const row of rows) present.get(row.groupId)?.push({ id: row.id, name: row.name });
  return present;
}
