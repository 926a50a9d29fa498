import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/policy";
import { requireActor } from "@/lib/groups/require-group-permission";
import { parseInput } from "@/lib/http/parse-input";
import { NOTIFICATION_KINDS, NotificationSettingsSchema, type NotificationKind } from "./kinds.ts";

export interface NotificationSettingsView {
  inApp: Record<NotificationKind, boolean>;
  email: Record<NotificationKind, boolean>;
  dailyDigest: boolean;
  /** Whether the digest is offered: the user is on the staff of a group. */
  digestOffered: boolean;
}

/** The actor's notification settings (everything on when they never chose). */
export async function getNotificationSettings(actor: Actor): Promise<NotificationSettingsView> {
  const { userId } = requireActor(actor);
  const [row, staff] = await Promise.all([
    db.notificationSettings.findUnique({ where: { userId } }),
    db.membership.count({ where: { userId, role: { not: "STUDENT" } } }),
  ]);
  const on = (off: readonly NotificationKind[] | undefined) =>
    Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !off?.includes(k)])) as Record<
      NotificationKind,
      boolean
    >;
  return {
    inApp: on(row?.inAppOff),
    email: on(row?.emailOff),
    dailyDigest: row?.dailyDigest ?? false,
    digestOffered: staff > 0 || (row?.dailyDigest ?? false),
  };
}

/** Saves the actor's notification settings from the account page's form (checkboxes: on when sent). */
export async function updateNotificationSettings(actor: Actor, input: unknown): Promise<void> {
  const { userId } = requireActor(actor);
  const data = parseInput(NotificationSettingsSchema, input);
  const off = (chosen: Record<string, "on" | "" | undefined>) => NOTIFICATION_KINDS.filter((k) => !chosen[k]);
  const values = {
    inAppOff: off(data.inApp),
    emailOff: off(data.email),
    dailyDigest: data.dailyDigest === "on",
  };
  await db.notificationSettings.upsert({
    where: { userId },
    create: { userId, ...values },
    update: values,
  });
}
