import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { MAX_SOURCE_CHARACTERS } from "@/lib/sources/source-draft";
import { PageShell } from "../page-shell";
import pageStyles from "../account-page.module.css";
import { NewSourceForm } from "./new-source-form";
import type { NewSourceState } from "./new-source-state";

interface NewSourcePageProps {
  locale: Locale;
  /** The page's path without the locale. */
  path: string;
  /** The group whose library it adds to; null: the public library. */
  group: { id: string; name: string } | null;
  action: (state: NewSourceState, formData: FormData) => Promise<NewSourceState>;
}

/** The add-a-source page's body: heading, what it does, and the form (with only the messages it needs). */
export async function NewSourcePage({ locale, path, group, action }: NewSourcePageProps) {
  const t = await getTranslations({ locale, namespace: "newSource" });
  const { forms, errors, newSource } = await getMessages({ locale });
  return (
    <PageShell locale={locale} path={path}>
      {group && (
        <p className={pageStyles.ui}>
          <Link href={`/${locale}/groups/${group.id}`}>{t("backToGroup", { name: group.name })}</Link>
        </p>
      )}
      <h1>{group ? t("heading", { name: group.name }) : t("headingPublic")}</h1>
      <p>{group ? t("intro") : t("introPublic")}</p>
      <NextIntlClientProvider messages={{ forms, errors, newSource }}>
        <NewSourceForm
          action={action}
          // Formatted here, in the page's language: the browser's own formatting would differ.
          characterLimit={new Intl.NumberFormat(locale).format(MAX_SOURCE_CHARACTERS)}
        />
      </NextIntlClientProvider>
    </PageShell>
  );
}
