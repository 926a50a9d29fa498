import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/schema";
import { getInvitePreview } from "@/lib/groups/get-invite-preview";
import { isLocale } from "@/lib/i18n/routing";
import { ActionForm } from "../../_components/forms/action-form";
import { Field } from "../../_components/forms/field";
import { NewPasswordField } from "../../_components/forms/new-password-field";
import { FormMessagesProvider } from "../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../_components/forms/submit-button";
import { PageMessage } from "../../_components/page-message";
import { PageShell } from "../../_components/page-shell";
import { firstParam } from "../../_lib/message-text";
import { resolveLocale } from "../../_lib/resolve-locale";
import { safeNext } from "../../_lib/safe-next";
import styles from "../../_components/account-page.module.css";
import { signUpAction } from "./actions";

interface SignUpPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: SignUpPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("signUpTitle"), robots: { index: false } };
}

/**
 * `/{locale}/sign-up?next=…&invite=…`: name, email and password. With `invite` (from an invite
 * link) the new account joins that group right away.
 */
export default async function SignUpPage({ params, searchParams }: SignUpPageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const nextParam = firstParam(query.next);
  const next = safeNext(nextParam, locale);
  const invite = firstParam(query.invite)?.slice(0, 128) ?? "";
  if (await getCurrentUser()) redirect(invite ? `/${locale}/join/${encodeURIComponent(invite)}` : next);

  const [t, tRoles] = await Promise.all([
    getTranslations({ locale, namespace: "signUp" }),
    getTranslations({ locale, namespace: "roles" }),
  ]);
  const preview = invite ? await getInvitePreview(invite) : null;
  const signInQuery = invite
    ? `?${new URLSearchParams({ next: `/${locale}/join/${invite}` })}`
    : nextParam
      ? `?${new URLSearchParams({ next })}`
      : "";
  const ownQuery = new URLSearchParams({
    ...(nextParam ? { next } : {}),
    ...(invite ? { invite } : {}),
  }).toString();

  return (
    <PageShell locale={locale} path={`/sign-up${ownQuery ? `?${ownQuery}` : ""}`}>
      <h1>{t("title")}</h1>
      <p className={styles.intro}>{t("intro")}</p>
      {preview?.status === "active" && (
        <PageMessage kind="notice">
          {t("inviteNote", { group: preview.groupName, role: tRoles(preview.role) })}
        </PageMessage>
      )}
      <FormMessagesProvider>
        <ActionForm action={signUpAction.bind(null, locale)}>
          <input type="hidden" name="next" value={next} />
          {invite && <input type="hidden" name="invite" value={invite} />}
          <Field name="name" label={t("name")} hint={t("nameHint")} autoComplete="name" required />
          <Field name="email" type="email" label={t("email")} autoComplete="email" required />
          <NewPasswordField label={t("password")} hint={t("passwordHint", { min: MIN_PASSWORD_LENGTH })} />
          <SubmitButton>{t("submit")}</SubmitButton>
        </ActionForm>
      </FormMessagesProvider>
      <p className={`${styles.links} ${styles.ui}`}>
        {t("haveAccount")} <Link href={`/${locale}/sign-in${signInQuery}`}>{t("signIn")}</Link>
      </p>
    </PageShell>
  );
}
