import "server-only";
import { db } from "@/lib/db";
import { loadProgress } from "@/lib/assignments/load-progress";
import { deliverNotifications } from "./deliver-notifications.ts";

/** How far ahead a due date is announced: a day, the time a student needs to do the reading. */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/**
 * "Due in 24 hours" for the students of open assignments whose due date (theirs, with an extension)
 * falls within the next 24 hours and who have not completed it: one per student and assignment,
 * marked in the database (`dedupeKey` "due:…", unique), so running it again, or on two instances at
 * once, notifies once. No state in memory. `userId` limits it to one student (when they load a
 * page); assignments whose notice they already have are not looked at again. The progress is read
 * per assignment (four queries each, `loadProgress`), never per student.
 */
export async function notifyDueSoon(options: { userId?: string } = {}, now = new Date()): Promise<number> {
  const until = new Date(now.getTime() + DUE_SOON_MS);
  const window = { gt: now, lte: until };
  const candidates = await db.assignment.findMany({
    where: {
      opensAt: { lte: now },
      closedAt: null,
      OR: [{ dueAt: window }, { extensions: { some: { dueAt: window } } }],
      ...(options.userId
        ? { group: { memberships: { some: { userId: options.userId, role: "STUDENT" } } } }
        : {}),
    },
    select: { id: true, title: true, groupId: true },
  });
  if (candidates.length === 0) return 0;
  let pending = candidates;
  if (options.userId) {
    const done = await db.notification.findMany({
      where: { dedupeKey: { in: candidates.map((a) => dueKey(a.id, options.userId!)) } },
      select: { assignmentId: true },
    });
    const notified = new Set(done.map((n) => n.assignmentId));
    pending = candidates.filter((a) => !notified.has(a.id));
  }
  const drafts = (
    await Promise.all(
      pending.map(async (a) => {
        const students = await loadProgress(a.id, options.userId, now);
        return students
          .filter((s) => s.status !== "complete" && s.dueAt > now && s.dueAt <= until)
          .map((s) => ({
            recipientId: s.userId,
            kind: "DUE_SOON" as const,
            groupId: a.groupId,
            assignmentId: a.id,
            summary: a.title,
            path: `/assignments/${a.id}`,
            dedupeKey: dueKey(a.id, s.userId),
          }));
      }),
    )
  ).flat();
  return deliverNotifications(drafts);
}

function dueKey(assignmentId: string, userId: string): string {
  return `due:${assignmentId}:${userId}`;
}
