import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getReadableLatestEdition, type ReadableLatestEdition } from "./get-readable-latest-edition.ts";
import { requireLibraryPermission } from "./require-library-permission.ts";

/** A source a translation may be attached to: the original's language, title and latest edition's sentences. */
export type TranslatableSource = Omit<ReadableLatestEdition, "latest"> & {
  /** The latest edition, which a translation is attached to, with its numbered sentences' texts. */
  latest: { id: string; number: number; text: string; sentences: string[] };
};

/**
 * The source `slug` with its latest edition, if `actor` may attach a translation to it: whoever may
 * add a source to its library (requireLibraryPermission: a group's source, that group's instructors
 * and teaching assistants; a public one, site administrators). A source the actor does not read
 * (sourceReadWhere: another group's), or no such source: NOT_FOUND; anonymous: UNAUTHENTICATED; a
 * reader without the right (a student): FORBIDDEN.
 */
export async function getTranslatableSource(
  actor: Actor,
  slug: string,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<TranslatableSource> {
  const source = await getReadableLatestEdition(actor, slug);
  await requireLibraryPermission(db, actor, source.groupId, adminEmails);
  const { latest } = source;
  return {
    ...source,
    latest: {
      id: latest.id,
      number: latest.number,
      text: latest.text,
      sentences: latest.passages.map((p) => latest.text.slice(p.start, p.end)),
    },
  };
}
