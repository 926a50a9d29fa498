import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { FormMessagesProvider } from "../../_components/forms/form-messages-provider";
import { JoinCodeForm } from "../../_components/forms/join-code-form";
import { PageShell } from "../../_components/page-shell";
import { requireUser } from "../../_lib/require-user";
import { resolveLocale } from "../../_lib/resolve-locale";
import styles from "../../_components/account-page.module.css";
import { joinByCodeAction } from "../groups/actions";

interface JoinPageProps {
  params: Promise<{ locale: string }>;
}

export async function generateMetadata({ params }: JoinPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  return { title: t("joinTitle"), robots: { index: false } };
}

/** `/{locale}/join`: join a group with the code the instructor gave out. */
export default async function JoinPage({ params }: JoinPageProps) {
  const locale = await resolveLocale(params);
  await requireUser(locale, `/${locale}/join`);
  const t = await getTranslations({ locale, namespace: "join" });
  return (
    <PageShell locale={locale} path="/join">
      <h1>{t("codeTitle")}</h1>
      <p className={styles.intro}>{t("codeIntro")}</p>
      <FormMessagesProvider>
        <JoinCodeForm
          action={joinByCodeAction.bind(null, locale)}
          label={t("code")}
          hint={t("codeHint")}
          submit={t("codeSubmit")}
        />
      </FormMessagesProvider>
    </PageShell>
  );
}
