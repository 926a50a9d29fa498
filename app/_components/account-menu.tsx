"use client";

import { useEffect, useState, type KeyboardEvent } from "react";
import { usePathname } from "next/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { NotificationBell } from "./notification-bell";
import styles from "./account-menu.module.css";

/** What /api/me answers. */
type Me =
  | { user: null }
  | {
      user: { name: string };
      groups: { id: string; name: string; role: string }[];
      currentGroupId: string | null;
      unreadNotifications: number;
    };

export interface AccountMenuLabels {
  account: string;
  accountPrefix: string;
  signIn: string;
  signUp: string;
  groups: string;
  myWork: string;
  profile: string;
  signOut: string;
  currentGroup: string;
  noGroup: string;
  switchGroup: string;
}

interface AccountMenuProps {
  locale: Locale;
  labels: AccountMenuLabels;
}

/** Pages after which coming back makes no sense (the sign-in form itself). */
const NO_RETURN = /^\/(pl|en)\/(sign-in|sign-up|forgot-password|reset-password)(\/|$)/;

/**
 * The account entries of the site header. The header is part of statically cached pages, so who is
 * signed in is asked of /api/me in the browser: signed out, "Sign in" and "Sign up"; signed in, a
 * disclosure with the user's name holding the current-group picker and links to the groups, the
 * profile and signing out. Before the answer (and without JavaScript) it is a link to the account
 * page, which sends a signed-out visitor on to the sign-in page.
 */
export function AccountMenu({ locale, labels }: AccountMenuProps) {
  const pathname = usePathname();
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const load = () =>
      fetch("/api/me", { cache: "no-store", signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<Me>) : { user: null }))
        .then(setMe)
        .catch(() => {
          if (!controller.signal.aborted) setMe({ user: null });
        });
    // Once per page, and again when the reader comes back to the tab (the bell's count), never polled.
    const reloadWhenShown = () => {
      if (document.visibilityState === "visible") void load();
    };
    void load();
    document.addEventListener("visibilitychange", reloadWhenShown);
    return () => {
      controller.abort();
      document.removeEventListener("visibilitychange", reloadWhenShown);
    };
  }, [pathname]);

  if (!me) {
    return (
      <li>
        <a href={`/${locale}/account`}>{labels.account}</a>
      </li>
    );
  }

  if (!me.user) {
    const query = NO_RETURN.test(pathname) ? "" : `?${new URLSearchParams({ next: pathname })}`;
    return (
      <>
        <li>
          <a href={`/${locale}/sign-in${query}`}>{labels.signIn}</a>
        </li>
        <li>
          <a href={`/${locale}/sign-up${query}`}>{labels.signUp}</a>
        </li>
      </>
    );
  }

  // Escape closes the open menu and gives the focus back to its button.
  function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== "Escape" || !event.currentTarget.open) return;
    event.currentTarget.open = false;
    event.currentTarget.querySelector("summary")?.focus();
  }

  return (
    <>
      <NotificationBell locale={locale} unread={me.unreadNotifications} />
      <li className={styles.menu}>
        <details onKeyDown={closeOnEscape}>
          <summary className={styles.summary}>
            <span className="visually-hidden">{labels.accountPrefix} </span>
            {me.user.name}
          </summary>
          <div className={styles.panel}>
            {me.groups.length > 0 && (
              <form method="post" action="/api/me/current-group" className={styles.picker}>
                <label htmlFor="current-group">{labels.currentGroup}</label>
                <select id="current-group" name="groupId" defaultValue={me.currentGroupId ?? ""}>
                  <option value="">{labels.noGroup}</option>
                  {me.groups.map((group) => (
                    <option key={group.id} value={group.id}>
                      {group.name}
                    </option>
                  ))}
                </select>
                <input type="hidden" name="next" value={pathname} />
                <button type="submit">{labels.switchGroup}</button>
              </form>
            )}
            <ul className={styles.links}>
              <li>
                <a href={`/${locale}/my-work`}>{labels.myWork}</a>
              </li>
              <li>
                <a href={`/${locale}/groups`}>{labels.groups}</a>
              </li>
              <li>
                <a href={`/${locale}/account`}>{labels.profile}</a>
              </li>
              <li>
                <form method="post" action="/sign-out">
                  <input type="hidden" name="locale" value={locale} />
                  <button type="submit" className={styles.linkButton}>
                    {labels.signOut}
                  </button>
                </form>
              </li>
            </ul>
          </div>
        </details>
      </li>
    </>
  );
}
