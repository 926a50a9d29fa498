import "server-only";
import { groupWhere, type Actor } from "@/lib/auth/policy";
import { dbReads } from "@/lib/db";

/**
 * The people whose notes the caller could find, for the author filter: the members of the groups
 * the caller belongs to (whom "group.read" already shows them), and the caller. Anonymous: none.
 */
export async function findSearchAuthors(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!actor) return [];
  return dbReads.user.findMany({
    where: {
      OR: [{ id: actor.userId }, { memberships: { some: { group: groupWhere(actor, "group.read") } } }],
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
