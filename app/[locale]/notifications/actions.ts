"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-current-user";
import { markAllNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { updateNotificationSettings } from "@/lib/notifications/notification-settings";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { actionLocale } from "../../_lib/action-locale";
import { textField, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";

/** "Mark all as read" on the notifications page. */
export async function markAllReadAction(locale: string): Promise<void> {
  await markAllNotificationsRead(await getActor());
  redirect(`/${actionLocale(locale)}/notifications?notice=notificationsRead`);
}

/**
 * Saves the notification settings of the account page: a checkbox per kind for the app
 * (`inApp.KIND`) and for email (`email.KIND`), and the daily digest.
 */
export async function updateNotificationSettingsAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const fields = (prefix: string) =>
      Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, textField(formData, `${prefix}.${k}`)]));
    await updateNotificationSettings(await getActor(), {
      inApp: fields("inApp"),
      email: fields("email"),
      dailyDigest: textField(formData, "dailyDigest"),
    });
    redirect(`/${actionLocale(locale)}/account?notice=notificationSettingsSaved#notifications-heading`);
  });
}
