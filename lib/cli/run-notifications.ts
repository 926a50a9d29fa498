/**
 * `npm run notifications:run`: the periodic notification job, for cron (every 5–15 minutes): tells
 * students of assignments that have opened and of due dates within 24 hours, and sends the daily
 * digests that are due. Safe to run on several machines at once (every step is marked in the
 * database). Works on DATABASE_URL, or on the embedded database of a running `npm start`. Run with
 * the react-server condition (the npm script does), so server modules load.
 */
import { requireDatabaseUrl } from "./database-url.ts";

process.env.DATABASE_URL = requireDatabaseUrl("notifications:run");
const { runNotificationJobs } = await import("../notifications/run-notification-jobs.ts");
const { notificationEmailsSettled } = await import("../notifications/deliver-notifications.ts");
const { db } = await import("../db/index.ts");
try {
  const done = await runNotificationJobs();
  await notificationEmailsSettled();
  console.log(
    `Notified: ${done.opened} of opened assignments, ${done.dueSoon} of due dates; ${done.digests} digests sent.`,
  );
} finally {
  await db.$disconnect();
}
process.exit(process.exitCode ?? 0);
