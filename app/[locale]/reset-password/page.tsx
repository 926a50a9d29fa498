import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schema";
import { isLocale } from "@/lib/i18n/routing";
import { ActionForm } from "../../_components/forms/action-form";
import { NewPasswordField } from "../../_components/forms/new-password-field";
import { FormMessagesProvider } from "../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../_components/forms/submit-button";
import { PageMessage } from "../../_components/page-message";
import { PageShell } from "../../_components/page-shell";
import { firstParam } from "../../_lib/message-text";
import { resolveLocale } from "../../_lib/resolve-locale";
import styles from "../../_components/account-page.module.css";
import { resetPasswordAction } from "./actions";

interface ResetPasswordPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** What a reset token from lib/auth/password-reset-token.ts can look like (32 bytes, base64url). */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export async function generateMetadata({ params }: ResetPasswordPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("resetPasswordTitle"), robots: { index: false } };
}

/** `/{locale}/reset-password?token=…`: the page a reset link (email or operator command) opens. */
export default async function ResetPasswordPage({ params, searchParams }: ResetPasswordPageProps) {
  const locale = await resolveLocale(params);
  const token = firstParam((await searchParams).token) ?? "";
  const t = await getTranslations({ locale, namespace: "resetPassword" });
  return (
    <PageShell locale={locale} path={`/reset-password?${new URLSearchParams({ token })}`}>
      <h1>{t("title")}</h1>
      {TOKEN_SHAPE.test(token) ? (
        <>
          <p className={styles.intro}>{t("intro")}</p>
          <FormMessagesProvider>
            <ActionForm action={resetPasswordAction.bind(null, locale)}>
              <input type="hidden" name="token" value={token} />
              <NewPasswordField
                label={t("password")}
                hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })}
              />
              <SubmitButton>{t("submit")}</SubmitButton>
            </ActionForm>
          </FormMessagesProvider>
        </>
      ) : (
        <PageMessage kind="error">{t("missingToken")}</PageMessage>
      )}
      <p className={`${styles.links} ${styles.ui}`}>
        <Link href={`/${locale}/forgot-password`}>{t("requestNew")}</Link>
      </p>
    </PageShell>
  );
}
