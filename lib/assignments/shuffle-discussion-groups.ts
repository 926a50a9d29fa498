import "server-only";
import { randomInt } from "node:crypto";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/errors";
import { announceRevealChange, revealOf } from "./announce-reveal-change.ts";
import { requireAssignment } from "./require-assignment.ts";
import { splitIntoGroups } from "./split-into-groups.ts";

/**
 * Splits the students of an assignment's group at random into discussion groups of the assignment's
 * size (its staff; small groups must be on), replacing the groups it had, and tells the students'
 * readers at once. Returns how many groups were made.
 */
export async function shuffleDiscussionGroups(actor: Actor, assignmentId: unknown): Promise<number> {
  const { id, groupId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const options = await revealOf(id);
  const size = options?.discussionGroupSize;
  if (!size) throw new AppError("INVALID", "smallGroupsOff");
  const students = await db.membership.findMany({
    where: { groupId, role: "STUDENT" },
    select: { userId: true },
    orderBy: { userId: "asc" },
  });
  if (students.length < size) throw new AppError("INVALID", "discussionGroupSizeTooLarge");
  const groups = splitIntoGroups(
    students.map((s) => s.userId),
    size,
    (below) => randomInt(below),
  );
  await db.$transaction([
    db.discussionGroup.deleteMany({ where: { assignmentId: id } }),
    ...groups.map((userIds, i) =>
      db.discussionGroup.create({
        data: {
          assignmentId: id,
          number: i + 1,
          members: { create: userIds.map((userId) => ({ assignmentId: id, userId })) },
        },
      }),
    ),
  ]);
  await announceRevealChange(groupId, options);
  return groups.length;
}
