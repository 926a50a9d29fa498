import { z } from "zod";
import { invalidField } from "@/lib/http/errors";
import { IdSchema } from "@/lib/http/parse-id";

/**
 * Where a page of the annotation list ends, in creation order: the last thread's creation time and
 * id (the id breaks ties between threads made in the same millisecond). The next page starts after it.
 */
export interface PageCursor {
  createdAt: Date;
  id: string;
}

/**
 * The cursor as clients get it (`next`) and send it back (`?after=`): base64url of "<ISO time>|<id>".
 * Opaque to them; only this module reads or writes it, so its form may change.
 */
export function encodePageCursor(cursor: PageCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, "utf8").toString("base64url");
}

const PageCursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/u)
  .transform((value) => Buffer.from(value, "base64url").toString("utf8").split("|"))
  .pipe(z.tuple([z.iso.datetime({ precision: 3 }), IdSchema]))
  .transform(([createdAt, id]) => ({ createdAt: new Date(createdAt), id }))
  // Year 1 and later: PostgreSQL's timestamps reach further back, but Prisma writes year 0 in a form
  // PostgreSQL refuses, and no cursor handed out names a time before the app existed anyway.
  .refine((cursor) => !Number.isNaN(cursor.createdAt.getTime()) && cursor.createdAt.getUTCFullYear() >= 1);

/** `?after=`: a cursor this module made, or INVALID on "after" (whatever else was sent). */
export function decodePageCursor(value: string): PageCursor {
  const parsed = PageCursorSchema.safeParse(value);
  if (!parsed.success) throw invalidField("after", "pageCursorInvalid");
  return parsed.data;
}
