import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { isLocale } from "@/lib/i18n/routing";
import { PageMessage } from "../../_components/page-message";
import { personName } from "../../_components/people/person-name";
import { PageShell } from "../../_components/page-shell";
import { firstParam, messageText } from "../../_lib/message-text";
import { requireUser } from "../../_lib/require-user";
import { resolveLocale } from "../../_lib/resolve-locale";
import { LocalTime } from "../assignments/_components/local-time";
import pageStyles from "../../_components/account-page.module.css";
import formStyles from "../../_components/forms/forms.module.css";
import styles from "./notifications.module.css";
import { markAllReadAction } from "./actions";

interface Props {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("notificationsTitle"), robots: { index: false } };
}

/**
 * `/{locale}/notifications`: the signed-in user's notifications, newest first, each a link that opens
 * it (marking it read) in the reader or on the assignment; one whose target they may no longer read
 * says so, without its text. "Mark all as read" at the top.
 */
export default async function NotificationsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const user = await requireUser(locale, `/${locale}/notifications`);
  const [notifications, t, tPeople] = await Promise.all([
    findNotifications({ userId: user.id }),
    getTranslations({ locale, namespace: "notifications" }),
    getTranslations({ locale, namespace: "people" }),
  ]);
  const noticeKey = firstParam((await searchParams).notice);
  const notice = noticeKey ? await messageText(locale, "notices", noticeKey) : null;
  const unread = notifications.filter((n) => !n.read).length;

  return (
    <PageShell locale={locale} path="/notifications">
      <h1>{t("title")}</h1>
      {notice && <PageMessage kind="notice">{notice}</PageMessage>}
      <p className={pageStyles.intro}>{t("unreadCount", { count: unread })}</p>
      {unread > 0 && (
        <form action={markAllReadAction.bind(null, locale)}>
          <button type="submit" className={formStyles.secondary}>
            {t("markAllRead")}
          </button>
        </form>
      )}
      {notifications.length === 0 ? (
        <p className={pageStyles.intro}>{t("empty")}</p>
      ) : (
        <NextIntlClientProvider locale={locale} messages={{}}>
          <ol className={styles.list} aria-label={t("listLabel")}>
            {notifications.map((n) => (
              <li key={n.id} className={n.read ? styles.item : `${styles.item} ${styles.unread}`}>
                {!n.read && <span className={styles.badge}>{t("unread")}</span>}
                {n.available ? (
                  <a href={`/${locale}/notifications/${n.id}`}>
                    {t(`line.${n.kind}`, {
                      actor: personName({ name: n.actorName, pseudonym: n.actorPseudonym }, tPeople),
                      summary: n.summary,
                    })}
                  </a>
                ) : (
                  <span className={styles.unavailable}>{t("unavailable")}</span>
                )}
                <span className={styles.time}>
                  <LocalTime iso={n.createdAt.toISOString()} zone="Europe/Warsaw" />
                </span>
              </li>
            ))}
          </ol>
        </NextIntlClientProvider>
      )}
    </PageShell>
  );
}
