import "server-only";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import type { AnonymousScope } from "@/lib/auth/policy";
import { BOUNDARY_PASSAGE_SELECT, readingBounds, readingPassagesWhere } from "./reading-bounds.ts";

type Client = Pick<PrismaClient, "assignment" | "passage" | "membership">;

/**
 * Anonymous to peers: for each group in which `userId` is a student and which has an assignment
 * anonymous to peers, that group's anonymous readings (as reveal after posting reads its ranges:
 * reading-bounds.ts) and its staff, as the policy takes them (`MembershipRole.anonymous`). The rule
 * holds from the assignment's creation until it is deleted, whatever its dates: a name once hidden
 * never appears while the assignment lasts. One query when no such assignment concerns them, three
 * otherwise, whatever the number of assignments or notes.
 */
export async function findAnonymousScopes(
  client: Client,
  userId: string,
): Promise<Map<string, AnonymousScope>> {
  const assignments = await client.assignment.findMany({
    where: {
      anonymousToPeers: true,
      group: { memberships: { some: { userId, role: "STUDENT" } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      groupId: true,
      readings: {
        orderBy: { position: "asc" },
        select: { sourceId: true, firstSentence: true, lastSentence: true },
      },
    },
  });
  const scopes = new Map<string, AnonymousScope>();
  if (assignments.length === 0) return scopes;
  const groupIds = [...new Set(assignments.map((a) => a.groupId))];
  const [passages, staff] = await Promise.all([
    client.passage.findMany({
      where: readingPassagesWhere(assignments.flatMap((a) => a.readings)),
      select: BOUNDARY_PASSAGE_SELECT,
    }),
    client.membership.findMany({
      where: { groupId: { in: groupIds }, role: { in: ["INSTRUCTOR", "TEACHING_ASSISTANT"] } },
      select: { groupId: true, userId: true },
    }),
  ]);
  for (const groupId of groupIds) {
    const ranges = assignments
      .filter((a) => a.groupId === groupId)
      .flatMap((a) =>
        readingBounds(a.readings, passages).map((bounds) => ({
          assignmentId: a.id,
          sourceId: bounds.sourceId,
          editions: bounds.ranges
            ? [...bounds.ranges].map(([editionId, range]) => ({ editionId, ...range }))
            : null,
        })),
      );
    const staffIds = new Set(staff.filter((m) => m.groupId === groupId).map((m) => m.userId));
    scopes.set(groupId, { ranges, staffIds });
  }
  return scopes;
}
