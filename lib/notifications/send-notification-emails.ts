import "server-only";
import { createTranslator } from "use-intl/core";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email/send-email";
import { publicUrl } from "@/lib/http/public-url";
import { messagesFor } from "@/lib/i18n/messages";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import type { NotificationKind } from "./kinds.ts";
import { loadActorNames } from "./actor-names.ts";
import { readableNotificationIds } from "./readable-targets.ts";

const EMAIL_SELECT = {
  id: true,
  kind: true,
  recipientId: true,
  actorId: true,
  annotationId: true,
  assignmentId: true,
  summary: true,
  path: true,
} as const;

type EmailedNotification = {
  id: string;
  kind: NotificationKind;
  recipientId: string;
  actorId: string | null;
  annotationId: string | null;
  assignmentId: string | null;
  summary: string;
  path: string;
};

/**
 * Emails the notifications `ids` still waiting for their email ("PENDING"), one email each. Each is
 * claimed first (PENDING → SENT in one statement), so two instances never send the same one; the
 * target is checked again for its recipient (`readableNotificationIds`) just before sending. A failed
 * email is logged and not retried.
 */
export async function sendNotificationEmails(ids: readonly string[]): Promise<void> {
  const claimed = await db.notification.updateManyAndReturn({
    where: { id: { in: [...ids] }, email: "PENDING" },
    data: { email: "SENT" },
    select: EMAIL_SELECT,
  });
  const byRecipient = new Map<string, EmailedNotification[]>();
  for (const row of claimed)
    byRecipient.set(row.recipientId, [...(byRecipient.get(row.recipientId) ?? []), row]);
  const people = await peopleOf(claimed);
  for (const [recipientId, rows] of byRecipient) {
    const readable = await readableNotificationIds({ userId: recipientId }, rows);
    const recipient = people.get(recipientId);
    if (!recipient) continue;
    const kept = rows.filter((r) => readable.has(r.id));
    const actorOf = await actorsAsShown(recipientId, recipient.locale, kept, people);
    for (const row of kept) {
      const t = translator(recipient.locale);
      const line = notificationLine(t, row, actorOf(row));
      await sendSafely({
        to: recipient.email,
        subject: t("email.subject", { text: line }),
        text: emailBody(t, recipient.locale, [{ line, path: row.path }]),
      });
    }
  }
}

/**
 * Sends each user who chose the daily digest, at most once in 24 hours, one email with everything
 * waiting for it. Whichever instance runs it first claims the day (`lastDigestAt`, set in one
 * conditional statement) and the rows (DIGEST → SENT); the other sends nothing. Targets the recipient
 * may no longer read are left out.
 */
export async function sendNotificationDigests(now = new Date()): Promise<number> {
  const waiting = await db.notification.groupBy({ by: ["recipientId"], where: { email: "DIGEST" } });
  let sent = 0;
  const dayAgo = new Date(now.getTime() - DIGEST_INTERVAL_MS);
  for (const { recipientId } of waiting) {
    const { count } = await db.notificationSettings.updateMany({
      where: { userId: recipientId, OR: [{ lastDigestAt: null }, { lastDigestAt: { lte: dayAgo } }] },
      data: { lastDigestAt: now },
    });
    if (count === 0) continue;
    const rows = await db.notification.updateManyAndReturn({
      where: { recipientId, email: "DIGEST" },
      data: { email: "SENT" },
      select: EMAIL_SELECT,
    });
    const readable = await readableNotificationIds({ userId: recipientId }, rows);
    const kept = rows.filter((r) => readable.has(r.id)).sort((a, b) => a.id.localeCompare(b.id));
    const people = await peopleOf(rows);
    const recipient = people.get(recipientId);
    if (!recipient || kept.length === 0) continue;
    const t = translator(recipient.locale);
    const actorOf = await actorsAsShown(recipientId, recipient.locale, kept, people);
    const lines = kept.map((row) => ({
      line: notificationLine(t, row, actorOf(row)),
      path: row.path,
    }));
    await sendSafely({
      to: recipient.email,
      subject: t("email.digestSubject", { count: lines.length }),
      text: emailBody(t, recipient.locale, lines),
    });
    sent += 1;
  }
  return sent;
}

/** A day: the digest's rhythm. */
const DIGEST_INTERVAL_MS = 24 * 60 * 60 * 1000;

type Translate = (key: string, values?: Record<string, string | number>) => string;

function translator(locale: Locale): Translate {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "notifications" }) as Translate;
}

/** One notification as a line of text ("Anna replied: “…”"), for the page and for emails. */
export function notificationLine(
  t: Translate,
  row: { kind: NotificationKind; summary: string },
  actor: string,
): string {
  return t(`line.${row.kind}`, { actor, summary: row.summary });
}

function emailBody(t: Translate, locale: Locale, lines: { line: string; path: string }[]): string {
  const items = lines.map(({ line, path }) => `${line}\n${publicUrl(`/${locale}${path}`)}`).join("\n\n");
  return `${items}\n\n${t("email.footer", { link: publicUrl(`/${locale}/account#notifications-heading`) })}`;
}

/**
 * The actors of a recipient's notifications as they are shown them (a classmate's pseudonym on an
 * anonymous assignment: loadActorNames), in the recipient's language.
 */
async function actorsAsShown(
  recipientId: string,
  locale: Locale,
  rows: readonly EmailedNotification[],
  people: ReadonlyMap<string, { name: string }>,
): Promise<(row: EmailedNotification) => string> {
  const names = new Map([...people].map(([id, person]) => [id, person.name]));
  const shownAs = await loadActorNames(recipientId, rows, names);
  const pseudonym = messagesFor(locale).people.pseudonym;
  return (row) => {
    const shown = shownAs(row);
    return shown.pseudonym === undefined
      ? shown.name
      : pseudonym.replace("{number}", String(shown.pseudonym));
  };
}

async function peopleOf(rows: readonly EmailedNotification[]) {
  const ids = [...new Set(rows.flatMap((r) => [r.recipientId, ...(r.actorId ? [r.actorId] : [])]))];
  const users = await db.user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true, locale: true },
  });
  return new Map(
    users.map((u) => [u.id, { ...u, locale: (isLocale(u.locale) ? u.locale : "pl") as Locale }]),
  );
}

async function sendSafely(email: { to: string; subject: string; text: string }): Promise<void> {
  try {
    await sendEmail(email);
  } catch (error) {
    console.error("[glossa] notification email not sent:", error);
  }
}
