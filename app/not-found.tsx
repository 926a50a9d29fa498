import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { defaultLocale } from "@/lib/i18n/routing";
import { DocumentShell } from "./_components/document-shell";
import { NotFoundView } from "./_components/not-found-view";

/*
 * The 404 for paths outside any locale that the proxy does not send to one (a path with a dot in it,
 * `/xx.y/…`). The root layout only passes through, so this page renders the whole document, in the
 * default language.
 */
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations({ locale: defaultLocale, namespace: "meta" });
  return { title: `${t("notFoundTitle")} · ${t("siteName")}` };
}

export default function RootNotFound() {
  return (
    <DocumentShell locale={defaultLocale}>
      <NotFoundView locale={defaultLocale} />
    </DocumentShell>
  );
}
