import { getTranslations } from "next-intl/server";
import { emailEnabled } from "@/lib/email/send-email";
import type { Locale } from "@/lib/i18n/routing";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import type { NotificationSettingsView } from "@/lib/notifications/notification-settings";
import { updateNotificationSettingsAction } from "../[locale]/notifications/actions";
import { ActionForm } from "./forms/action-form";
import { SubmitButton } from "./forms/submit-button";
import styles from "./account-page.module.css";
import tableStyles from "./notification-settings-form.module.css";

/**
 * The account page's notification settings: for each kind, a switch for the app and one for email
 * (in a table: the kind is each row's header), and for group staff the daily digest.
 */
export async function NotificationSettingsForm({
  locale,
  settings,
}: {
  locale: Locale;
  settings: NotificationSettingsView;
}) {
  const t = await getTranslations({ locale, namespace: "notifications.settings" });
  const email = emailEnabled();
  return (
    <section aria-labelledby="notifications-heading" className={styles.section}>
      <h2 id="notifications-heading">{t("heading")}</h2>
      <p className={styles.intro}>{t("intro")}</p>
      {!email && <p className={styles.intro}>{t("emailDisabled")}</p>}
      <ActionForm
        action={updateNotificationSettingsAction.bind(null, locale)}
        aria-labelledby="notifications-heading"
      >
        <table className={tableStyles.table}>
          <thead>
            <tr>
              <th scope="col">{t("kind")}</th>
              <th scope="col">{t("inApp")}</th>
              {email && <th scope="col">{t("email")}</th>}
            </tr>
          </thead>
          <tbody>
            {NOTIFICATION_KINDS.map((kind) => (
              <tr key={kind}>
                <th scope="row">{t(`kinds.${kind}`)}</th>
                <td>
                  <input
                    type="checkbox"
                    name={`inApp.${kind}`}
                    defaultChecked={settings.inApp[kind]}
                    aria-label={t("inAppLabel", { kind: t(`kinds.${kind}`) })}
                  />
                </td>
                {email ? (
                  <td>
                    <input
                      type="checkbox"
                      name={`email.${kind}`}
                      defaultChecked={settings.email[kind]}
                      aria-label={t("emailLabel", { kind: t(`kinds.${kind}`) })}
                    />
                  </td>
                ) : (
                  // Kept as they are while the server sends no email.
                  settings.email[kind] && <input type="hidden" name={`email.${kind}`} value="on" />
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {settings.digestOffered && (
          <p className={tableStyles.digest}>
            <input
              type="checkbox"
              id="notifications-digest"
              name="dailyDigest"
              defaultChecked={settings.dailyDigest}
            />{" "}
            <label htmlFor="notifications-digest">{t("digest")}</label>
          </p>
        )}
        <SubmitButton>{t("save")}</SubmitButton>
      </ActionForm>
    </section>
  );
}
