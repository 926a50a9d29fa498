import "server-only";
import { isSiteAdministrator, type Actor } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { env } from "@/lib/env";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";

/** The library a source is added to: a group's (its id), or the public one (null). */
export type Library = string | null;

/**
 * Checks that `actor` may add a source to `library`: a group's, its instructors and teaching
 * assistants ("source.create"); the public one, site administrators (ADMIN_EMAILS, or `adminEmails`
 * in tests). Anonymous: UNAUTHENTICATED. Not a member of the group (or no such group): NOT_FOUND, so
 * its existence is not revealed. A student, or a non-administrator for the public library: FORBIDDEN.
 */
export async function requireLibraryPermission(
  client: Pick<PrismaClient, "membership" | "user">,
  actor: Actor,
  library: Library,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<void> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  if (library === null) {
    const user = await client.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
    if (!isSiteAdministrator(user?.email, adminEmails)) throw new AppError("FORBIDDEN", "notAllowed");
    return;
  }
  await requireGroupPermission(client, actor, library, "source.create");
}
