import "server-only";
import { dbReads as db } from "@/lib/db";
import type { ListScope } from "./open-list.ts";

/** A live reader as opened: who, the group they read, and their list (watch-annotations.ts). */
export interface OpenedReader {
  actor: { userId: string };
  groupId: string | null;
  list: ListScope;
}

/**
 * The readers whose list, as opened, no longer says what they read: their memberships or roles, the
 * group they chose or the source's latest edition changed since. Three queries for all of them, so a
 * pass costs each reader only their version's aggregates, and nobody is told of a group they left.
 */
export async function changedSinceOpened<R extends OpenedReader>(
  sourceId: string,
  readers: readonly R[],
): Promise<Set<R>> {
  const userIds = [...new Set(readers.map((reader) => reader.actor.userId))];
  const [memberships, users, latest] = await Promise.all([
    db.membership.findMany({
      where: { userId: { in: userIds } },
      select: { userId: true, groupId: true, role: true },
    }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, currentGroupId: true } }),
    db.edition.findFirst({ where: { sourceId }, orderBy: { number: "desc" }, select: { id: true } }),
  ]);
  const rolesOf = new Map<string, string[]>();
  for (const m of memberships) {
    const roles = rolesOf.get(m.userId) ?? [];
    roles.push(`${m.groupId}:${m.role}`);
    rolesOf.set(m.userId, roles);
  }
  const currentOf = new Map(users.map((user) => [user.id, user.currentGroupId]));
  const key = (roles: readonly string[]) => [...roles].sort().join(",");
  return new Set(
    readers.filter((reader) => {
      const { userId } = reader.actor;
      const roles = rolesOf.get(userId) ?? [];
      const current = currentOf.get(userId);
      // The group they read now: the one they chose, if still theirs.
      const reading = current && roles.some((role) => role.startsWith(`${current}:`)) ? current : null;
      return (
        !currentOf.has(userId) ||
        reading !== reader.groupId ||
        latest?.id !== reader.list.edition.id ||
        key(roles) !== key(reader.list.memberships.map((m) => `${m.groupId}:${m.role}`))
      );
    }),
  );
}
