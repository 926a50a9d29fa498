import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/http/errors";
import { getActor } from "@/lib/auth/get-current-user";
import { openNotification } from "@/lib/notifications/mark-notifications-read";
import { requireUser } from "../../../_lib/require-user";
import { resolveLocale } from "../../../_lib/resolve-locale";

interface Props {
  params: Promise<{ locale: string; id: string }>;
}

/**
 * `/{locale}/notifications/{id}`: opens a notification. It is marked read and the reader goes on to
 * what it points to (the annotation in the reader, the assignment, their grades); back to the list
 * when that is no longer theirs to read. Someone else's, or an id that names nothing: not found.
 */
export default async function OpenNotificationPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  await requireUser(locale, `/${locale}/notifications`);
  const path = await openNotification(await getActor(), id).catch((error: unknown) => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  });
  redirect(path === null ? `/${locale}/notifications?notice=notificationUnavailable` : `/${locale}${path}`);
}
