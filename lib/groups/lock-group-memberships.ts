import "server-only";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";

/**
 * Locks the group's row for the rest of the transaction, so changes to its instructors happen one at
 * a time and the "at least one instructor" rule cannot be broken by two changes racing.
 */
export async function lockGroup(tx: Prisma.TransactionClient, groupId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Group" WHERE id = ${groupId} FOR UPDATE`;
}

/** How many instructors the group has (call after lockGroup). */
export function countInstructors(tx: Prisma.TransactionClient, groupId: string): Promise<number> {
  return tx.membership.count({ where: { groupId, role: "INSTRUCTOR" } });
}
