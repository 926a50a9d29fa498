import "server-only";
import { db } from "@/lib/db";
import { notificationWhere, type Actor } from "@/lib/auth/policy";
import { requireActor } from "@/lib/groups/require-group-permission";
import { parseId } from "@/lib/http/parse-id";
import { NotFoundError } from "@/lib/http/errors";
import { readableNotificationIds } from "./readable-targets.ts";

/** Marks all the actor's notifications read ("Mark all as read"). */
export async function markAllNotificationsRead(actor: Actor): Promise<void> {
  requireActor(actor);
  await db.notification.updateMany({
    where: { ...notificationWhere(actor), readAt: null },
    data: { readAt: new Date() },
  });
}

/**
 * Opens one of the actor's notifications: marks it read and returns where it leads (without the
 * locale), or null when they may no longer read its target. NOT_FOUND for anyone else's, or an id
 * that names nothing.
 */
export async function openNotification(actor: Actor, id: unknown): Promise<string | null> {
  requireActor(actor);
  const notificationId = parseId(id, "notificationNotFound");
  const row = await db.notification.findFirst({
    where: { id: notificationId, ...notificationWhere(actor) },
    select: { id: true, kind: true, annotationId: true, assignmentId: true, path: true, readAt: true },
  });
  if (!row) throw new NotFoundError("notificationNotFound");
  if (row.readAt === null) {
    await db.notification.update({ where: { id: row.id }, data: { readAt: new Date() } });
  }
  const readable = await readableNotificationIds(actor!, [row]);
  return readable.has(row.id) ? row.path : null;
}
