import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-current-user";
import { isLocale } from "@/lib/i18n/routing";
import { findAddableLibraries } from "@/lib/sources/find-addable-libraries";
import { findSources } from "@/lib/sources/find-sources";
import { CompareForm } from "../_components/compare-form";
import { PageShell } from "../_components/page-shell";
import { SourceCard } from "../_components/source-card";
import { resolveLocale } from "../_lib/resolve-locale";
import styles from "./library.module.css";

interface LibraryPageProps {
  params: Promise<{ locale: string }>;
}

// Rendered for each request: the library lists the reader's groups' own sources besides the public ones.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: LibraryPageProps): Promise<Metadata> {
  const { locale } = await params;
  if (!isLocale(locale)) return {};
  const t = await getTranslations({ locale, namespace: "meta" });
  // The layout's title template does not reach a page in its own segment.
  return { title: { absolute: `${t("libraryTitle")} · ${t("siteName")}` } };
}

/** The library: every source with what it is, and a form to compare two or three of them. */
export default async function LibraryPage({ params }: LibraryPageProps) {
  const locale = await resolveLocale(params);
  const actor = await getActor();
  const [sources, libraries, t, tNew] = await Promise.all([
    findSources(actor),
    findAddableLibraries(actor),
    getTranslations({ locale, namespace: "library" }),
    getTranslations({ locale, namespace: "newSource" }),
  ]);
  const addLinks = [
    ...libraries.groups.map((group) => ({
      href: `/${locale}/groups/${group.id}/sources/new`,
      label: `${tNew("addLink")}: ${group.name}`,
    })),
    ...(libraries.publicLibrary ? [{ href: `/${locale}/library/new`, label: tNew("addPublicLink") }] : []),
  ];
  return (
    <PageShell locale={locale} path="" current="library">
      <h1>{t("title")}</h1>
      <p className={styles.intro}>{t("intro")}</p>
      {addLinks.length > 0 && (
        <ul className={styles.addLinks}>
          {addLinks.map((link) => (
            <li key={link.href}>
              <Link href={link.href}>{link.label}</Link>
            </li>
          ))}
        </ul>
      )}
      {sources.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <ul className={styles.sources} aria-label={t("listLabel")}>
            {sources.map((source) => (
              <li key={source.slug}>
                <SourceCard locale={locale} source={source} />
              </li>
            ))}
          </ul>
          <CompareForm locale={locale} sources={sources} />
        </>
      )}
    </PageShell>
  );
}
