import "server-only";
import { db } from "@/lib/db";
import { notificationWhere, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/errors";
import type { NotificationKind } from "./kinds.ts";
import { loadActorNames } from "./actor-names.ts";
import { readableNotificationIds } from "./readable-targets.ts";

/** How many notifications the page lists: the newest, enough for a few weeks of a seminar. */
export const NOTIFICATIONS_SHOWN = 50;

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  createdAt: Date;
  read: boolean;
  /** False when the recipient may no longer read what it points to: then no text, no link. */
  available: boolean;
  actorName: string;
  /** A classmate on an anonymous assignment: the pseudonym number (the page says "Student 7"). */
  actorPseudonym?: number;
  summary: string;
}

/**
 * The actor's notifications shown in the app, newest first. Whether each target is still theirs to
 * read is asked now (`readableNotificationIds`): one they may no longer read is listed "no longer
 * available", without its text or who did it. Four queries at most besides the memberships.
 */
export async function findNotifications(actor: Actor): Promise<NotificationView[]> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const rows = await db.notification.findMany({
    where: { ...notificationWhere(actor), inApp: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: NOTIFICATIONS_SHOWN,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      actorId: true,
      annotationId: true,
      assignmentId: true,
      summary: true,
    },
  });
  const readable = await readableNotificationIds(actor, rows);
  const actorIds = [...new Set(rows.flatMap((r) => (r.actorId && readable.has(r.id) ? [r.actorId] : [])))];
  const actors = actorIds.length
    ? await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const shownAs = await loadActorNames(
    actor.userId,
    rows.filter((row) => readable.has(row.id)),
    names,
  );
  return rows.map((row) => {
    const available = readable.has(row.id);
    const shown = available ? shownAs(row) : { name: "" };
    return {
      id: row.id,
      kind: row.kind,
      createdAt: row.createdAt,
      read: row.readAt !== null,
      available,
      actorName: shown.name,
      ...(shown.pseudonym !== undefined && { actorPseudonym: shown.pseudonym }),
      summary: available ? row.summary : "",
    };
  });
}

/** The number of the actor's unread notifications shown in the app (the bell), one count query. */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  if (!actor) return 0;
  return db.notification.count({ where: { ...notificationWhere(actor), inApp: true, readAt: null } });
}
