import { getCurrentUser } from "@/lib/auth/get-current-user";
import { findGroups } from "@/lib/groups/find-groups";
import { route } from "@/lib/http/route";
import { afterCommit } from "@/lib/notifications/deliver-notifications";
import { countUnreadNotifications } from "@/lib/notifications/find-notifications";
import { catchUpNotifications } from "@/lib/notifications/run-notification-jobs";

/**
 * Who is signed in, for the account menu of the (cached, shared) pages: `{ user: null }`, or the
 * user's name, their groups with their role in each, the current group, and the number of unread
 * notifications (the bell): assignments that opened or fall due within 24 hours are looked at first
 * for this user, so the bell is right without waiting for the periodic job. Never cached.
 */
export const GET = route({}, async () => {
  const user = await getCurrentUser();
  if (!user) return { user: null };
  const actor = { userId: user.id };
  await afterCommit(() => catchUpNotifications(user.id));
  const [groups, unreadNotifications] = await Promise.all([
    findGroups(actor),
    countUnreadNotifications(actor),
  ]);
  return {
    user: { name: user.name },
    groups: groups.map(({ id, name, role }) => ({ id, name, role })),
    currentGroupId: user.currentGroupId,
    unreadNotifications,
  };
});
