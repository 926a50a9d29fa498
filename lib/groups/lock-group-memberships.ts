import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { parseId } from "@/lib/http/parse-id";

/**
 * Locks the group's row for the rest of the transaction, so changes to its instructors happen one at
 * a time and the "at least one instructor" rule cannot be broken by two changes racing. An id that
 * cannot be one (it came from the browser) is NOT_FOUND before the query.
 */
export async function lockGroup(tx: Prisma.TransactionClient, groupId: string): Promise<void> {
  const id = parseId(groupId, "groupNotFound");
  await tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${id} FOR UPDATE`;
}

/** How many instructors the group has (call after lockGroup). */
export function countInstructors(tx: Prisma.TransactionClient, groupId: string): Promise<number> {
  return tx.membership.count({ where: { groupId, role: "INSTRUCTOR" } });
}
