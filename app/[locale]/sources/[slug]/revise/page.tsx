import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { MAX_SOURCE_CHARACTERS } from "@/lib/sources/source-draft";
import pageStyles from "../../../../_components/account-page.module.css";
import { PageShell } from "../../../../_components/page-shell";
import { ReviseSourceForm } from "../../../../_components/sources/revise-source-form";
import { loadRevisableSource } from "../../../../_lib/load-revisable-source";
import { requireUser } from "../../../../_lib/require-user";
import { resolveLocale } from "../../../../_lib/resolve-locale";
import { reviseSourceAction } from "./actions";

interface Props {
  params: Promise<{ locale: string; slug: string }>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "reviseSource" });
  return { title: t("title"), robots: { index: false } };
}

/**
 * `/{locale}/sources/{slug}/revise`: correct a source's text and publish it as its next edition, for
 * those who may revise it (lib/revisions/get-revisable-source.ts; 404 for anyone else).
 */
export default async function ReviseSourcePage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  await requireUser(locale, `/${locale}/sources/${encodeURIComponent(slug)}/revise`);
  const source = (await loadRevisableSource(slug)) ?? notFound();
  const t = await getTranslations({ locale, namespace: "reviseSource" });
  const { errors, newSource, reviseSource } = await getMessages({ locale });
  const title = source.title[locale];
  return (
    <PageShell locale={locale} path={`/sources/${source.slug}/revise`}>
      <p className={pageStyles.ui}>
        <Link href={`/${locale}/sources/${source.slug}`}>{t("backToSource", { title })}</Link>
      </p>
      <h1>{t("heading", { title })}</h1>
      <p>{t("intro", { edition: source.latest.number, next: source.latest.number + 1 })}</p>
      <NextIntlClientProvider messages={{ errors, newSource, reviseSource }}>
        <ReviseSourceForm
          action={reviseSourceAction.bind(null, locale, source.slug)}
          initial={{
            status: "preview",
            version: 0,
            values: { text: source.latest.text, edition: String(source.latest.number) },
            draft: {
              text: source.latest.text,
              sentences: source.latest.passages.map(({ start, end }) => ({ start, end })),
              notes: [],
            },
          }}
          characterLimit={new Intl.NumberFormat(locale).format(MAX_SOURCE_CHARACTERS)}
        />
      </NextIntlClientProvider>
    </PageShell>
  );
}
