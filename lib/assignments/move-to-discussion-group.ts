import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { AppError, invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { announceRevealChange, revealOf } from "./announce-reveal-change.ts";
import { requireAssignment } from "./require-assignment.ts";
import { DiscussionMoveInputSchema, NEW_DISCUSSION_GROUP } from "./schema.ts";

/**
 * Places a student of the assignment's group in one of its discussion groups, in a new one (the
 * next number), or in none (its staff; small groups must be on), and tells the students' readers
 * at once. A student of another group or a discussion group of another assignment: nothing saved.
 */
export async function moveToDiscussionGroup(
  actor: Actor,
  assignmentId: unknown,
  input: unknown,
): Promise<void> {
  const { id, groupId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const parsed = parseInput(DiscussionMoveInputSchema, input);
  const options = await revealOf(id);
  if (!options?.discussionGroupSize) throw new AppError("INVALID", "smallGroupsOff");
  const [student, target] = await Promise.all([
    db.membership.findFirst({
      where: { groupId, userId: parsed.userId, role: "STUDENT" },
      select: { userId: true },
    }),
    parsed.discussionGroup === "" || parsed.discussionGroup === NEW_DISCUSSION_GROUP
      ? null
      : db.discussionGroup.findFirst({
          where: { id: parsed.discussionGroup, assignmentId: id },
          select: { id: true },
        }),
  ]);
  if (!student) throw invalidField("userId", "studentInvalid");
  const where = { assignmentId_userId: { assignmentId: id, userId: student.userId } };
  if (parsed.discussionGroup === "") {
    await db.discussionMember.deleteMany({ where: { assignmentId: id, userId: student.userId } });
  } else {
    const discussionGroupId =
      parsed.discussionGroup === NEW_DISCUSSION_GROUP ? await newDiscussionGroup(id) : target?.id;
    if (!discussionGroupId) throw invalidField("discussionGroup", "discussionGroupUnknown");
    await db.discussionMember.upsert({
      where,
      create: { assignmentId: id, userId: student.userId, discussionGroupId },
      update: { discussionGroupId },
    });
  }
  await announceRevealChange(groupId, options);
}

/** A new, empty discussion group of the assignment, numbered after the last; its id. */
async function newDiscussionGroup(assignmentId: string): Promise<string> {
  const last = await db.discussionGroup.aggregate({ where: { assignmentId }, _max: { number: true } });
  const created = await db.discussionGroup.create({
    data: { assignmentId, number: (last._max.number ?? 0) + 1 },
    select: { id: true },
  });
  return created.id;
}
