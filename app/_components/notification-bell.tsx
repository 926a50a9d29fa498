"use client";

import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import styles from "./notification-bell.module.css";

/**
 * The bell in the site header: a link to the notifications page whose name says how many are unread
 * ("Notifications, 3 unread"), with the number shown beside the icon when there are any. The count
 * comes with the account menu's one request per page (/api/me), never polled.
 */
export function NotificationBell({ locale, unread }: { locale: Locale; unread: number }) {
  const t = useTranslations("notifications");
  return (
    <li>
      <a href={`/${locale}/notifications`} className={styles.bell} aria-label={t("bell", { count: unread })}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path
            d="M12 3a5 5 0 0 0-5 5v3.2L5.3 15a1 1 0 0 0 .9 1.5h11.6a1 1 0 0 0 .9-1.5L17 11.2V8a5 5 0 0 0-5-5Zm-2 15a2 2 0 0 0 4 0"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
            strokeLinejoin="round"
          />
        </svg>
        {unread > 0 && (
          <span className={styles.count} aria-hidden="true">
            {unread > MAX_SHOWN ? `${MAX_SHOWN}+` : unread}
          </span>
        )}
      </a>
    </li>
  );
}

/** Beyond this the badge shows "99+" (the accessible name keeps the exact number). */
const MAX_SHOWN = 99;
