import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { requireAssignment } from "./require-assignment.ts";

/** A student of the class, and the discussion group they are in (null: not placed yet). */
export interface DiscussionStudent {
  userId: string;
  name: string;
  discussionGroupId: string | null;
}

/** An assignment's discussion groups as its staff arrange them. */
export interface DiscussionGroups {
  /** The size chosen for them; null: small groups is off. */
  size: number | null;
  groups: { id: string; number: number }[];
  /** Every student of the class, by name. */
  students: DiscussionStudent[];
}

/**
 * The discussion groups of an assignment, in order, and every student of its group with the one
 * they are in (its staff). Three queries.
 */
export async function findDiscussionGroups(actor: Actor, assignmentId: unknown): Promise<DiscussionGroups> {
  const { id, groupId } = await requireAssignment(actor, assignmentId, "assignment.manage");
  const [assignment, members, placed] = await Promise.all([
    db.assignment.findUniqueOrThrow({
      where: { id },
      select: {
        discussionGroupSize: true,
        discussionGroups: { orderBy: { number: "asc" }, select: { id: true, number: true } },
      },
    }),
    db.membership.findMany({
      where: { groupId, role: "STUDENT" },
      select: { userId: true, user: { select: { name: true } } },
    }),
    db.discussionMember.findMany({
      where: { assignmentId: id },
      select: { userId: true, discussionGroupId: true },
    }),
  ]);
  const groupOf = new Map(placed.map((p) => [p.userId, p.discussionGroupId]));
  return {
    size: assignment.discussionGroupSize,
    groups: assignment.discussionGroups,
    students: members
      .map((m) => ({ userId: m.userId, name: m.user.name, discussionGroupId: groupOf.get(m.userId) ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId)),
  };
}
