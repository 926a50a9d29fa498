import "server-only";
import { db } from "@/lib/db";
import type { NotificationEmail } from "@/lib/db/generated/prisma/enums.ts";
import { emailEnabled } from "@/lib/email/send-email";
import type { NotificationKind } from "./kinds.ts";
import { sendNotificationEmails } from "./send-notification-emails.ts";

/** A notification to make, for a recipient already known to read what it points to. */
export interface NotificationDraft {
  recipientId: string;
  kind: NotificationKind;
  actorId?: string | null;
  groupId?: string | null;
  annotationId?: string | null;
  assignmentId?: string | null;
  summary: string;
  path: string;
  /** One per person and event (jobs): a second attempt, from any instance, makes nothing. */
  dedupeKey?: string;
}

const inFlight = new Set<Promise<void>>();

/** Resolves when the emails started so far have been sent or have failed (tests, shutdown). */
export async function notificationEmailsSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
}

/**
 * Saves notifications as each recipient's settings say (in the app or not; an email now, in the
 * daily digest, or none) and starts sending the emails now due, without waiting for them: an email
 * that fails is logged, never the caller's failure. The actor never notifies themselves. One query
 * for the settings and one insert, whatever the number of recipients.
 *
 * A draft that would be neither shown nor emailed is dropped, unless it has a `dedupeKey`: then it is
 * kept, hidden, so that the job does not look at the same event again. Drafts whose `dedupeKey` is
 * taken are left out first; two runs racing past that check still make one row (the key is unique).
 */
export async function deliverNotifications(drafts: readonly NotificationDraft[]): Promise<number> {
  let wanted = drafts.filter((d) => d.recipientId !== d.actorId);
  const keys = wanted.flatMap((d) => (d.dedupeKey === undefined ? [] : [d.dedupeKey]));
  if (keys.length > 0) {
    // Those made already (by an earlier run): left out before anything else is read or written.
    const made = await db.notification.findMany({
      where: { dedupeKey: { in: keys } },
      select: { dedupeKey: true },
    });
    const done = new Set(made.map((n) => n.dedupeKey));
    wanted = wanted.filter((d) => d.dedupeKey === undefined || !done.has(d.dedupeKey));
  }
  if (wanted.length === 0) return 0;
  const settings = await db.notificationSettings.findMany({
    where: { userId: { in: [...new Set(wanted.map((d) => d.recipientId))] } },
  });
  const byUser = new Map(settings.map((s) => [s.userId, s]));
  const canEmail = emailEnabled();
  const rows = wanted.flatMap((draft) => {
    const mine = byUser.get(draft.recipientId);
    const inApp = !mine?.inAppOff.includes(draft.kind);
    const emailed = canEmail && !mine?.emailOff.includes(draft.kind);
    const email: NotificationEmail = !emailed ? "NONE" : mine?.dailyDigest ? "DIGEST" : "PENDING";
    if (!inApp && email === "NONE" && draft.dedupeKey === undefined) return [];
    return [
      {
        recipientId: draft.recipientId,
        kind: draft.kind,
        actorId: draft.actorId ?? null,
        groupId: draft.groupId ?? null,
        annotationId: draft.annotationId ?? null,
        assignmentId: draft.assignmentId ?? null,
        summary: draft.summary,
        path: draft.path,
        dedupeKey: draft.dedupeKey ?? null,
        inApp,
        email,
      },
    ];
  });
  if (rows.length === 0) return 0;
  const created = await db.notification.createManyAndReturn({
    data: rows,
    skipDuplicates: true,
    select: { id: true, email: true },
  });
  const due = created.filter((row) => row.email === "PENDING").map((row) => row.id);
  if (due.length > 0) {
    const sending: Promise<void> = sendNotificationEmails(due)
      .catch((error: unknown) => console.error("[glossa] notification emails not sent:", error))
      .finally(() => inFlight.delete(sending));
    inFlight.add(sending);
  }
  return created.length;
}

/**
 * Runs a notification hook after a write has committed: whatever goes wrong in it is logged, and the
 * write it follows has succeeded all the same.
 */
export async function afterCommit(hook: () => Promise<unknown>): Promise<void> {
  try {
    await hook();
  } catch (error) {
    console.error("[glossa] notifications not made:", error);
  }
}
