import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { newRowId } from "@/lib/db/new-row-id";

/** An imported annotation or reply as it is written (the columns an import sets). */
export interface ImportedRow {
  sourceId: string;
  editionId: string;
  groupId: string | null;
  authorId: string;
  parentId: string | null;
  kind: string;
  visibility: string;
  quoteExact: string;
  quotePrefix: string;
  quoteSuffix: string;
  positionStart: number | null;
  positionEnd: number | null;
  body: unknown;
  bodyText: string;
  bodyHtml: string;
  tags: string[];
  importKey: string;
  /** The file's dates for it (ISO 8601, UTC), or null: importedDates. */
  importedCreatedAt: string | null;
  importedModifiedAt: string | null;
  /** Set (now) for a note deleted while it had replies: a tombstone with its thread. */
  deletedAt: string | null;
}

/** What a written row tells its replies (its thread). */
export interface InsertedThread {
  id: string;
  importKey: string | null;
  sourceId: string;
  editionId: string;
  groupId: string | null;
  visibility: string;
}

/**
 * Writes imported rows in ONE statement (`INSERT … SELECT … FROM jsonb_to_recordset`, the rows as one
 * JSON parameter), skipping any whose import key is already taken (`ON CONFLICT DO NOTHING`, as
 * `skipDuplicates`), and returns those written. Prisma's `createManyAndReturn` builds and interprets
 * a query of ~20 parameters a row, which for thousands of rows took ten times as long as the database
 * spent writing them. Ids are made here (`newRowId`, cuid-shaped); the times are now, in UTC, as
 * Prisma stores them.
 */
export async function insertImportedAnnotations(
  tx: Prisma.TransactionClient,
  rows: readonly ImportedRow[],
): Promise<InsertedThread[]> {
  if (rows.length === 0) return [];
  const now = new Date().toISOString();
  const json = JSON.stringify(rows.map((row) => ({ ...row, id: newRowId(), now })));
  return tx.$queryRawUnsafe<InsertedThread[]>(
    `INSERT INTO "Annotation" ("id", "sourceId", "editionId", "groupId", "authorId", "parentId", "kind",
       "visibility", "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "body",
       "bodyText", "bodyHtml", "tags", "importKey", "importedCreatedAt", "importedModifiedAt", "deletedAt",
       "createdAt", "updatedAt")
     SELECT r."id", r."sourceId", r."editionId", r."groupId", r."authorId", r."parentId",
       r."kind"::"AnnotationKind", r."visibility"::"AnnotationVisibility", r."quoteExact", r."quotePrefix",
       r."quoteSuffix", r."positionStart", r."positionEnd", r."body", r."bodyText", r."bodyHtml", r."tags",
       r."importKey", r."importedCreatedAt", r."importedModifiedAt", r."deletedAt", r."now", r."now"
     FROM jsonb_to_recordset($1::jsonb) AS r("id" text, "sourceId" text, "editionId" text, "groupId" text,
       "authorId" text, "parentId" text, "kind" text, "visibility" text, "quoteExact" text,
       "quotePrefix" text, "quoteSuffix" text, "positionStart" integer, "positionEnd" integer,
       "body" jsonb, "bodyText" text, "bodyHtml" text, "tags" text[], "importKey" text,
       "importedCreatedAt" timestamp(3), "importedModifiedAt" timestamp(3), "deletedAt" timestamp(3),
       "now" timestamp(3))
     ON CONFLICT ("importKey") DO NOTHING
     RETURNING "id", "importKey", "sourceId", "editionId", "groupId", "visibility"::text AS "visibility"`,
    json,
  );
}
