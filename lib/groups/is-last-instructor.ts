import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";

/**
 * Whether this member is the group's only instructor: their role cannot change (a group always keeps
 * an instructor, `changeRole` refuses it), so no page offers the change. Pure: a members list in.
 */
export function isLastInstructor(
  members: readonly { userId: string; role: GroupRole }[],
  userId: string,
): boolean {
  const instructors = members.filter((m) => m.role === "INSTRUCTOR");
  return instructors.length === 1 && instructors[0]!.userId === userId;
}
