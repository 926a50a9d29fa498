import "server-only";
import type { PassageRange } from "@/lib/annotations/place-in-edition";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { getReadableLatestEdition } from "@/lib/sources/get-readable-latest-edition";
import { requireLibraryPermission } from "@/lib/sources/require-library-permission";

export interface RevisableSource {
  id: string;
  slug: string;
  groupId: string | null;
  title: { pl: string; en: string };
  latest: { id: string; number: number; text: string; passages: PassageRange[] };
}

/**
 * The source `slug` with its latest edition, if `actor` may revise its text: a group's own source,
 * that group's instructors and teaching assistants ("source.revise"); a public one, site
 * administrators (ADMIN_EMAILS), built-in ones from the repository's sources/ folder included (a
 * later import of a changed folder adds its own edition after theirs). A source the actor does not
 * read (sourceReadWhere), or no such source: NOT_FOUND; anonymous: UNAUTHENTICATED; a reader
 * without the right: FORBIDDEN.
 */
export async function getRevisableSource(
  actor: Actor,
  slug: string,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<RevisableSource> {
  const { language: _language, ...source } = await getReadableLatestEdition(actor, slug);
  await requireRevisePermission(actor, source.groupId, adminEmails);
  return source;
}

/**
 * Checks that `actor` may revise a source of library `groupId` (null: the public library), as
 * getRevisableSource says, once the source was found among those they read.
 */
export async function requireRevisePermission(
  actor: Actor,
  groupId: string | null,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<void> {
  if (groupId === null) await requireLibraryPermission(db, actor, null, adminEmails);
  else await requireGroupPermission(db, actor, groupId, "source.revise");
}
