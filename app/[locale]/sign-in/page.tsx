import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { enabledSignInMethods } from "@/lib/auth/auth";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { isLocale } from "@/lib/i18n/routing";
import { ActionForm } from "../../_components/forms/action-form";
import { Field } from "../../_components/forms/field";
import { FormMessagesProvider } from "../../_components/forms/form-messages-provider";
import { SubmitButton } from "../../_components/forms/submit-button";
import { PageMessage } from "../../_components/page-message";
import { PageShell } from "../../_components/page-shell";
import { authErrorMessage } from "../../_lib/auth-error-state";
import { firstParam, messageText } from "../../_lib/message-text";
import { resolveLocale } from "../../_lib/resolve-locale";
import { callbackPath, safeNext } from "../../_lib/safe-next";
import styles from "../../_components/account-page.module.css";
import { emailLinkAction, signInAction, signInWithProviderAction } from "./actions";

interface SignInPageProps {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params }: SignInPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("signInTitle"), robots: { index: false } };
}

/**
 * `/{locale}/sign-in?next=…`: email and password, a button per configured provider, an emailed link
 * when SMTP is configured. Auth.js sends its errors here too (`?error=…&code=…`).
 */
export default async function SignInPage({ params, searchParams }: SignInPageProps) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const nextParam = firstParam(query.next) ?? callbackPath(firstParam(query.callbackUrl));
  const next = safeNext(nextParam, locale);
  const error = firstParam(query.error);
  // Someone already signed in has nothing to do here, unless Auth.js has something to say.
  if (!error && (await getCurrentUser())) redirect(next);

  const t = await getTranslations({ locale, namespace: "signIn" });
  const methods = enabledSignInMethods();
  const providers = [
    methods.github ? { id: "github", name: "GitHub" } : null,
    methods.google ? { id: "google", name: "Google" } : null,
    methods.oidc ? { id: "oidc", name: methods.oidc } : null,
  ].filter((p) => p !== null);

  const errorState = error ? authErrorMessage(error, firstParam(query.code)) : null;
  const errorMessage =
    errorState?.status === "error"
      ? await messageText(locale, "errors", errorState.error, errorState.values)
      : null;
  const notice = query.created ? t("created") : query.reset ? t("passwordReset") : null;
  const nextQuery = nextParam ? `?${new URLSearchParams({ next })}` : "";

  return (
    <PageShell locale={locale} path={`/sign-in${nextQuery}`}>
      <h1>{t("title")}</h1>
      {notice && <PageMessage kind="notice">{notice}</PageMessage>}
      {errorMessage && <PageMessage kind="error">{errorMessage}</PageMessage>}
      <FormMessagesProvider>
        <ActionForm action={signInAction.bind(null, locale)}>
          <input type="hidden" name="next" value={next} />
          <Field name="email" type="email" label={t("email")} autoComplete="email" required />
          <Field
            name="password"
            type="password"
            label={t("password")}
            autoComplete="current-password"
            required
          />
          <SubmitButton>{t("submit")}</SubmitButton>
        </ActionForm>
        <ul className={styles.links}>
          <li>
            <Link href={`/${locale}/forgot-password`}>{t("forgot")}</Link>
          </li>
          <li>
            {t("noAccount")} <Link href={`/${locale}/sign-up${nextQuery}`}>{t("signUp")}</Link>
          </li>
        </ul>

        {providers.length > 0 && (
          <section aria-labelledby="other-ways" className={styles.section}>
            <h2 id="other-ways">{t("otherWays")}</h2>
            <div className={styles.providers}>
              {providers.map((provider) => (
                <form key={provider.id} action={signInWithProviderAction.bind(null, locale, provider.id)}>
                  <input type="hidden" name="next" value={next} />
                  <button type="submit" className={styles.providerButton}>
                    {t("withProvider", { provider: provider.name })}
                  </button>
                </form>
              ))}
            </div>
          </section>
        )}

        {methods.email && (
          <section aria-labelledby="email-link" className={styles.section}>
            <h2 id="email-link">{t("emailLinkHeading")}</h2>
            <p className={styles.intro}>{t("emailLinkIntro")}</p>
            <ActionForm action={emailLinkAction.bind(null, locale)} aria-labelledby="email-link">
              <input type="hidden" name="next" value={next} />
              <Field name="email" type="email" label={t("emailLinkEmail")} autoComplete="email" required />
              <SubmitButton variant="secondary">{t("emailLinkSubmit")}</SubmitButton>
            </ActionForm>
          </section>
        )}
      </FormMessagesProvider>
    </PageShell>
  );
}
