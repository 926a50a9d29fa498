import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { findAccessTokens } from "@/lib/auth/find-access-tokens";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schema";
import { isLocale, locales } from "@/lib/i18n/routing";
import { getNotificationSettings } from "@/lib/notifications/notification-settings";
import { ExportSection } from "../../_components/export/export-section";
import { ImportSection } from "../../_components/import/import-section";
import { NotificationSettingsForm } from "../../_components/notification-settings-form";
import { ActionForm } from "../../_components/forms/action-form";
import { Field } from "../../_components/forms/field";
import { FormMessagesProvider } from "../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../_components/forms/submit-button";
import { PageMessage } from "../../_components/page-message";
import { PageShell } from "../../_components/page-shell";
import { firstParam, messageText } from "../../_lib/message-text";
import { requireUser } from "../../_lib/require-user";
import { resolveLocale } from "../../_lib/resolve-locale";
import styles from "../../_components/account-page.module.css";
import formStyles from "../../_components/forms/forms.module.css";
import { AccessTokensSection } from "./access-tokens-section";
import { changePasswordAction, signOutAction, updateProfileAction } from "./actions";

interface AccountPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: AccountPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("accountTitle"), robots: { index: false } };
}

/**
 * `/{locale}/account`: the profile (name, interface language), the password, the notification
 * settings, personal access tokens, exporting and importing one's notes, signing out.
 */
export default async function AccountPage({ params, searchParams }: AccountPageProps) {
  const locale = await resolveLocale(params);
  const user = await requireUser(locale, `/${locale}/account`);
  const [t, tLanguages, notificationSettings] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "languages" }),
    getNotificationSettings({ userId: user.id }),
  ]);
  const tokens = await findAccessTokens({ userId: user.id });
  const noticeKey = firstParam((await searchParams).notice);
  const notice = noticeKey ? await messageText(locale, "notices", noticeKey) : null;

  return (
    <PageShell locale={locale} path="/account">
      <h1>{t("title")}</h1>
      <p className={styles.intro}>{t("signedInAs", { email: user.email })}</p>
      {notice && <PageMessage kind="notice">{notice}</PageMessage>}
      <FormMessagesProvider>
        <section aria-labelledby="profile-heading" className={styles.section}>
          <h2 id="profile-heading">{t("profileHeading")}</h2>
          <ActionForm action={updateProfileAction} aria-labelledby="profile-heading">
            <Field
              name="name"
              label={t("name")}
              hint={t("nameHint")}
              autoComplete="name"
              required
              defaultValue={user.name}
            />
            <Field
              name="locale"
              label={t("language")}
              defaultValue={user.locale}
              options={locales.map((code) => ({ value: code, label: tLanguages(code) }))}
            />
            <SubmitButton>{t("saveProfile")}</SubmitButton>
          </ActionForm>
        </section>

        <section aria-labelledby="password-heading" className={styles.section}>
          <h2 id="password-heading">{t("passwordHeading")}</h2>
          <ActionForm
            action={changePasswordAction.bind(null, locale)}
            resetOnSuccess
            aria-labelledby="password-heading"
          >
            {/* For password managers: which account the new password belongs to. */}
            <input type="email" name="username" value={user.email} autoComplete="username" readOnly hidden />
            <Field
              name="currentPassword"
              type="password"
              label={t("currentPassword")}
              hint={t("currentPasswordHint")}
              autoComplete="current-password"
            />
            <Field
              name="newPassword"
              type="password"
              label={t("newPassword")}
              hint={t("newPasswordHint", { min: MIN_PASSWORD_LENGTH })}
              autoComplete="new-password"
              required
            />
            <SubmitButton>{t("savePassword")}</SubmitButton>
          </ActionForm>
        </section>

        <NotificationSettingsForm locale={locale} settings={notificationSettings} />
      </FormMessagesProvider>

      <FormMessagesProvider>
        <AccessTokensSection locale={locale} tokens={tokens} />
      </FormMessagesProvider>

      <ExportSection locale={locale} path="/api/exports/mine" intro="mineIntro" />
      <ImportSection locale={locale} actor={{ userId: user.id }} />

      <section aria-labelledby="sign-out-heading" className={styles.section}>
        <h2 id="sign-out-heading">{t("signOutHeading")}</h2>
        <p className={styles.intro}>{t("signOutIntro")}</p>
        <form action={signOutAction.bind(null, locale)}>
          <button type="submit" className={formStyles.secondary}>
            {t("signOut")}
          </button>
        </form>
      </section>
    </PageShell>
  );
}
