import "server-only";
import { sourceReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { isAppError } from "@/lib/http/errors";
import { requireLibraryPermission } from "./require-library-permission.ts";

/**
 * Whether `actor` may attach a translation to the source `slug` (as getTranslatableSource decides,
 * without reading its text): for the reader's link. False for anonymous readers, those who do not
 * read the source, and those who may not add to its library.
 */
export async function canAddTranslation(
  actor: Actor,
  slug: string,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<boolean> {
  if (!actor) return false;
  const source = await db.source.findFirst({
    where: { slug, ...sourceReadWhere(actor) },
    select: { groupId: true },
  });
  if (!source) return false;
  return requireLibraryPermission(db, actor, source.groupId, adminEmails).then(
    () => true,
    (error: unknown) => {
      if (isAppError(error, "FORBIDDEN") || isAppError(error, "NOT_FOUND")) return false;
      throw error;
    },
  );
}
