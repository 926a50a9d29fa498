import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { emailEnabled } from "@/lib/email/send-email";
import { isLocale } from "@/lib/i18n/routing";
import { ActionForm } from "../../_components/forms/action-form";
import { Field } from "../../_components/forms/field";
import { FormMessagesProvider } from "../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../_components/forms/submit-button";
import { PageShell } from "../../_components/page-shell";
import { resolveLocale } from "../../_lib/resolve-locale";
import styles from "../../_components/account-page.module.css";
import { forgotPasswordAction } from "./actions";

interface ForgotPasswordPageProps {
  params: Promise<{ locale: string }>;
}

// Whether email can be sent is read at run time, not when the app is built.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: ForgotPasswordPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("forgotPasswordTitle"), robots: { index: false } };
}

/**
 * `/{locale}/forgot-password`: with SMTP, a form that emails a reset link; without, where to turn
 * (the operator's `npm run user:reset-password`).
 */
export default async function ForgotPasswordPage({ params }: ForgotPasswordPageProps) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: "forgotPassword" });
  return (
    <PageShell locale={locale} path="/forgot-password">
      <h1>{t("title")}</h1>
      {emailEnabled() ? (
        <>
          <p className={styles.intro}>{t("intro")}</p>
          <FormMessagesProvider>
            <ActionForm action={forgotPasswordAction} resetOnSuccess>
              <Field name="email" type="email" label={t("email")} autoComplete="email" required />
              <SubmitButton>{t("submit")}</SubmitButton>
            </ActionForm>
          </FormMessagesProvider>
        </>
      ) : (
        <>
          <p>{t("noEmail")}</p>
          <p>{t("askOperator")}</p>
        </>
      )}
      <p className={`${styles.links} ${styles.ui}`}>
        <Link href={`/${locale}/sign-in`}>{t("back")}</Link>
      </p>
    </PageShell>
  );
}
