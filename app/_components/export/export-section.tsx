import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { ExportDownloads } from "./export-downloads";
import pageStyles from "../account-page.module.css";

/**
 * An "Export" section: what is exported (`intro`: a key under "export.ui") and a download link per
 * format to the export at `path` (an /api/exports route), with progress while it downloads.
 */
export async function ExportSection({
  locale,
  path,
  intro,
}: {
  locale: Locale;
  path: string;
  intro: "mineIntro" | "groupIntro" | "assignmentIntro";
}) {
  const [t, messages] = await Promise.all([
    getTranslations({ locale, namespace: "export.ui" }),
    getMessages(),
  ]);
  const ui = (messages.export as AbstractIntlMessages).ui as AbstractIntlMessages;
  return (
    <section aria-labelledby="export-heading" className={pageStyles.section}>
      <h2 id="export-heading">{t("heading")}</h2>
      <p className={pageStyles.intro}>{t(intro)}</p>
      <NextIntlClientProvider messages={{ export: { ui } }}>
        <ExportDownloads path={path} locale={locale} />
      </NextIntlClientProvider>
    </section>
  );
}
