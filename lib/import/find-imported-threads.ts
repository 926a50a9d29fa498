import "server-only";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import type { InsertedThread } from "./insert-imported-annotations.ts";

/**
 * The annotations imported before under any of `importKeys` (one query, the keys as one array
 * parameter: a Prisma `in` list of 20,000 keys cost more to build than to answer), with what a reply
 * needs of its thread.
 */
export function findImportedThreads(
  client: Pick<PrismaClient, "$queryRawUnsafe">,
  importKeys: readonly string[],
): Promise<InsertedThread[]> {
  if (importKeys.length === 0) return Promise.resolve([]);
  return client.$queryRawUnsafe<InsertedThread[]>(
    `SELECT "id", "importKey", "sourceId", "editionId", "groupId", "visibility"::text AS "visibility"
     FROM "Annotation" WHERE "importKey" = ANY($1::text[])`,
    [...new Set(importKeys)],
  );
}
