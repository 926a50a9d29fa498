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
import { RemoveTranslation } from "../../../../../_components/translations/remove-translation";
import { loadTranslationForm } from "../../../../../_lib/load-translatable-source";
import { requireUser } from "../../../../../_lib/require-user";
import { resolveLocale } from "../../../../../_lib/resolve-locale";
import { newTranslationAction, removeTranslationAction } from "./actions";

interface Props {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "newTranslation" });
  const revising = (await searchParams).revise !== undefined;
  return { title: revising ? t("reviseTitle") : t("title"), robots: { index: false } };
}

/**
 * `/{locale}/sources/{slug}/translations/new`: attach a translation to the source's latest edition,
 * aligned sentence by sentence, for those who may add to its library (lib/sources/
 * get-translatable-source.ts; 404 for anyone else). With `?revise`, the form starts from the
 * translation the reader shows (or the newest of an earlier edition), aligned as it was saved; saving
 * attaches the revised one as a new translation, and one attached in the app can be removed here.
 */
export default async function NewTranslationPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const revising = (await searchParams).revise !== undefined;
  const path = `/sources/${encodeURIComponent(slug)}/translations/new${revising ? "?revise=1" : ""}`;
  await requireUser(locale, `/${locale}${path}`);
  const loaded = await loadTranslationForm(slug, revising);
  const source = loaded?.source ?? notFound();
  const revised = loaded?.translation ?? null;
  const t = await getTranslations({ locale, namespace: "newTranslation" });
  const { errors, forms, notices, newSource, newTranslation } = await getMessages({ locale });
  const title = source.title[locale];
  const edition = String(source.latest.number);
  return (
    <PageShell locale={locale} path={path}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/sources/${source.slug}`}>{t("backToSource", { title })}</Link>
      </p>
      <h1>{revised ? t("reviseHeading", { title }) : t("heading", { title })}</h1>
      <p>
        {t("intro", {
          edition: source.latest.number,
          count: source.latest.sentences.length,
          language: formatLanguageName(source.language, locale),
        })}
      </p>
      {revising && (
        <p>
          {!revised
            ? t("reviseNone")
            : revised.edition === source.latest.number
              ? t("reviseIntro", { label: revised.values.label })
              : t("reviseEarlierEdition", { label: revised.values.label, edition: revised.edition })}
        </p>
      )}
      <NextIntlClientProvider messages={{ errors, forms, notices, newSource, newTranslation }}>
        <NewTranslationForm
          action={newTranslationAction.bind(null, locale, source.slug)}
          initial={
            revised
              ? { status: "preview", values: { ...revised.values, edition }, alignment: revised.alignment }
              : { status: "idle", values: { edition } }
          }
          original={{ language: source.language, sentences: source.latest.sentences }}
          characterLimit={new Intl.NumberFormat(locale).format(MAX_SOURCE_CHARACTERS)}
        />
        {revised?.addedInApp && revised.edition === source.latest.number && (
          <RemoveTranslation
            action={removeTranslationAction.bind(null, locale, source.slug)}
            edition={revised.edition}
            number={revised.number}
            label={revised.values.label}
          />
        )}
      </NextIntlClientProvider>
    </PageShell>
  );
}
