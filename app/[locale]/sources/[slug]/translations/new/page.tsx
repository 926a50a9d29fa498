import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { formatLanguageName } from "@/lib/sources/format-language-name";
import { MAX_SOURCE_CHARACTERS } from "@/lib/sources/source-draft";
import pageStyles from "../../../../../_components/account-page.module.css";
import { PageShell } from "../../../../../_components/page-shell";
import { NewTranslationForm } from "../../../../../_components/translations/new-translation-form";
import { loadTranslatableSource } from "../../../../../_lib/load-translatable-source";
import { requireUser } from "../../../../../_lib/require-user";
import { resolveLocale } from "../../../../../_lib/resolve-locale";
import { newTranslationAction } from "./actions";

interface Props {
  params: Promise<{ locale: string; slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "newTranslation" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * `/{locale}/sources/{slug}/translations/new`: attach a translation to the source's latest edition,
 * aligned sentence by sentence, for those who may add to its library (lib/sources/
 * get-translatable-source.ts; 404 for anyone else).
 */
export default async function NewTranslationPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  await requireUser(locale, `/${locale}/sources/${encodeURIComponent(slug)}/translations/new`);
  const source = (await loadTranslatableSource(slug)) ?? notFound();
  const t = await getTranslations({ locale, namespace: "newTranslation" });
  const { errors, newSource, newTranslation } = await getMessages({ locale });
  const title = source.title[locale];
  return (
    <PageShell locale={locale} path={`/sources/${source.slug}/translations/new`}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/sources/${source.slug}`}>{t("backToSource", { title })}</Link>
      </p>
      <h1>{t("heading", { title })}</h1>
      <p>
        {t("intro", {
          edition: source.latest.number,
          count: source.latest.sentences.length,
          language: formatLanguageName(source.language, locale),
        })}
      </p>
      <NextIntlClientProvider messages={{ errors, newSource, newTranslation }}>
        <NewTranslationForm
          action={newTranslationAction.bind(null, locale, source.slug)}
          initial={{ status: "idle", values: { edition: String(source.latest.number) } }}
          original={{ language: source.language, sentences: source.latest.sentences }}
          characterLimit={new Intl.NumberFormat(locale).format(MAX_SOURCE_CHARACTERS)}
        />
      </NextIntlClientProvider>
    </PageShell>
  );
}
