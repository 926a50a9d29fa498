import "server-only";
import { db } from "@/lib/db";
import { ASSIGNMENT_ACTIONS } from "@/lib/auth/policy";
import { deliverNotifications } from "./deliver-notifications.ts";

/**
 * "A new assignment" for the students of the groups of open assignments (opened, not closed, not yet
 * due): one per student and assignment (`dedupeKey`), however often and on however many instances this
 * runs. Called when an assignment is created (it tells the students at once if it is already open) and
 * by the notification job (it tells them when it opens). `assignmentIds` limits it to those, `userId`
 * to one student (when they load a page). Two queries, whatever the number of students.
 */
export async function notifyAssignmentsOpened(
  options: { assignmentIds?: string[]; userId?: string } = {},
  now = new Date(),
): Promise<number> {
  const readers = ASSIGNMENT_ACTIONS["assignment.read"].filter((role) => role === "STUDENT");
  const assignments = await db.assignment.findMany({
    where: {
      ...(options.assignmentIds ? { id: { in: options.assignmentIds } } : {}),
      opensAt: { lte: now },
      dueAt: { gt: now },
      closedAt: null,
    },
    select: {
      id: true,
      title: true,
      groupId: true,
      createdById: true,
      group: {
        select: {
          memberships: {
            where: { role: { in: readers }, ...(options.userId ? { userId: options.userId } : {}) },
            select: { userId: true },
          },
        },
      },
    },
  });
  return deliverNotifications(
    assignments.flatMap((a) =>
      a.group.memberships.map((m) => ({
        recipientId: m.userId,
        kind: "ASSIGNMENT_OPENED" as const,
        actorId: a.createdById,
        groupId: a.groupId,
        assignmentId: a.id,
        summary: a.title,
        path: `/assignments/${a.id}`,
        dedupeKey: `opened:${a.id}:${m.userId}`,
      })),
    ),
  );
}
