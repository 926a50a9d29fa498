import "server-only";
import { db } from "@/lib/db";
import { gradeReadWhere } from "@/lib/auth/policy";
import { deliverNotifications } from "./deliver-notifications.ts";

/**
 * "Grades released" for every student of the assignment's group, once the staff release them (the
 * rubric and scores are then theirs to read, `rubricReadWhere`). Once per student and assignment:
 * taking the grades back and releasing them again tells nobody twice.
 */
export async function notifyGradesReleased(assignmentId: string, actorId: string): Promise<number> {
  const assignment = await db.assignment.findFirst({
    where: { id: assignmentId, gradesReleasedAt: { not: null } },
    select: {
      id: true,
      title: true,
      groupId: true,
      group: { select: { memberships: { where: { role: "STUDENT" }, select: { userId: true } } } },
    },
  });
  if (!assignment) return 0;
  return deliverNotifications(
    assignment.group.memberships.map((m) => ({
      recipientId: m.userId,
      kind: "GRADES_RELEASED" as const,
      actorId,
      groupId: assignment.groupId,
      assignmentId: assignment.id,
      summary: assignment.title,
      path: "/my-work",
      dedupeKey: `grades:${assignment.id}:${m.userId}`,
    })),
  );
}

/**
 * "New feedback" for its student, when it is written after the grades were released (before, the
 * release tells them of all of it at once; until then they may not read it, `gradeReadWhere`).
 */
export async function notifyFeedback(feedbackId: string): Promise<number> {
  const feedback = await db.assignmentFeedback.findUnique({
    where: { id: feedbackId },
    select: {
      studentId: true,
      authorId: true,
      assignment: { select: { id: true, title: true, groupId: true } },
    },
  });
  if (!feedback) return 0;
  const readable = await db.assignmentFeedback.count({
    where: { id: feedbackId, ...gradeReadWhere({ userId: feedback.studentId }) },
  });
  if (readable === 0) return 0;
  return deliverNotifications([
    {
      recipientId: feedback.studentId,
      kind: "FEEDBACK",
      actorId: feedback.authorId,
      groupId: feedback.assignment.groupId,
      assignmentId: feedback.assignment.id,
      summary: feedback.assignment.title,
      path: "/my-work",
    },
  ]);
}
