import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { getInvitePreview } from "@/lib/groups/get-invite-preview";
import { isLocale } from "@/lib/i18n/routing";
import { ActionForm } from "../../../_components/forms/action-form";
import { FormMessagesProvider } from "../../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../../_components/forms/submit-button";
import { PageShell } from "../../../_components/page-shell";
import { messageText } from "../../../_lib/message-text";
import { resolveLocale } from "../../../_lib/resolve-locale";
import styles from "../../../_components/account-page.module.css";
import { acceptInviteAction } from "./actions";

interface InvitePageProps {
  params: Promise<{ locale: string; token: string }>;
}

/** The error key (under "errors") for each reason an invite link does not work. */
const UNUSABLE = {
  invalid: "inviteInvalid",
  expired: "inviteExpired",
  revoked: "inviteRevoked",
  usedUp: "inviteUsedUp",
} as const;

export async function generateMetadata({ params }: InvitePageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("inviteTitle"), robots: { index: false } };
}

/**
 * `/{locale}/join/{token}`: where an invite link leads. A working link names the group and role:
 * signed in, one button joins; signed out, sign in or sign up and come back (or join straight
 * away after signing up). A link that does not work says why.
 */
export default async function InvitePage({ params }: InvitePageProps) {
  const locale = await resolveLocale(params);
  const { token } = await params;
  const [preview, user, t, tRoles] = await Promise.all([
    getInvitePreview(token),
    getCurrentUser(),
    getTranslations({ locale, namespace: "join" }),
    getTranslations({ locale, namespace: "roles" }),
  ]);
  const path = `/join/${encodeURIComponent(token)}`;

  if (preview.status !== "active") {
    return (
      <PageShell locale={locale} path={path}>
        <h1>{t("unusableTitle")}</h1>
        <p role="alert">{await messageText(locale, "errors", UNUSABLE[preview.status])}</p>
        <p>{t("askForNew")}</p>
        <p className={styles.ui}>
          <Link href={`/${locale}`}>{t("toLibrary")}</Link>
        </p>
      </PageShell>
    );
  }

  const role = tRoles(preview.role);
  return (
    <PageShell locale={locale} path={path}>
      <h1>{t("title", { group: preview.groupName })}</h1>
      <p>{t("invited", { group: preview.groupName, role })}</p>
      {preview.groupTerm && <p className={styles.ui}>{t("term", { term: preview.groupTerm })}</p>}
      {user ? (
        <FormMessagesProvider>
          <ActionForm action={acceptInviteAction.bind(null, locale, token)}>
            <SubmitButton>{t("joinButton", { group: preview.groupName })}</SubmitButton>
          </ActionForm>
        </FormMessagesProvider>
      ) : (
        <>
          <p>{t("signInPrompt")}</p>
          <ul className={styles.links}>
            <li>
              <Link
                className={styles.buttonLink}
                href={`/${locale}/sign-in?${new URLSearchParams({ next: `/${locale}${path}` })}`}
              >
                {t("signIn")}
              </Link>
            </li>
            <li>
              <Link
                className={styles.buttonLink}
                href={`/${locale}/sign-up?${new URLSearchParams({ invite: token })}`}
              >
                {t("signUp")}
              </Link>
            </li>
          </ul>
        </>
      )}
    </PageShell>
  );
}
