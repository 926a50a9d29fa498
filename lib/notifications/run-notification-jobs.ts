import "server-only";
import { notifyAssignmentsOpened } from "./notify-assignment-opened.ts";
import { notifyDueSoon } from "./notify-due-soon.ts";
import { sendNotificationDigests } from "./send-notification-emails.ts";

/**
 * The periodic notification job (`npm run notifications:run`, from cron every few minutes): assignments
 * that have opened, due dates within 24 hours, and the daily digests. Every step is marked in the
 * database, so it is safe to run on several instances at once and as often as wanted.
 */
export async function runNotificationJobs(now = new Date()) {
  const opened = await notifyAssignmentsOpened({}, now);
  const dueSoon = await notifyDueSoon({}, now);
  const digests = await sendNotificationDigests(now);
  return { opened, dueSoon, digests };
}

/**
 * The same for one user, when they load a page (so the bell is right without the job): their
 * assignments that have opened and their due dates within 24 hours. Cheap when there is nothing new:
 * two or three queries.
 */
export async function catchUpNotifications(userId: string, now = new Date()): Promise<void> {
  await notifyAssignmentsOpened({ userId }, now);
  await notifyDueSoon({ userId }, now);
}
