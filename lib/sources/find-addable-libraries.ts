import "server-only";
import { groupWhere, isSiteAdministrator, type Actor } from "@/lib/auth/policy";
import { dbReads as db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The libraries `actor` may add sources to: the groups where they teach ("source.create"), by name,
 * and whether the public library is one (a site administrator). Anonymous: none.
 */
export async function findAddableLibraries(
  actor: Actor,
  adminEmails: readonly string[] = env.ADMIN_EMAILS,
): Promise<{ groups: { id: string; name: string }[]; publicLibrary: boolean }> {
  if (!actor) return { groups: [], publicLibrary: false };
  const [groups, user] = await Promise.all([
    db.group.findMany({
      where: groupWhere(actor, "source.create"),
      orderBy: { name: "asc" },
      select: { id: true, name: true },
    }),
    db.user.findUnique({ where: { id: actor.userId }, select: { email: true } }),
  ]);
  return { groups, publicLibrary: isSiteAdministrator(user?.email, adminEmails) };
}
