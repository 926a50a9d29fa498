import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import { canInGroup, type Actor } from "@/lib/auth/policy";
import { findGroups } from "@/lib/groups/find-groups";
import type { Locale } from "@/lib/i18n/routing";
import { findSources } from "@/lib/sources/find-sources";
import { ImportForm } from "./import-form";
import pageStyles from "../account-page.module.css";

/**
 * The "Import notes" section of the account page: a file of annotations (W3C Web Annotations or a
 * Hypothesis export) into the reader's personal notes or a group they may annotate in, then the
 * report of what was imported, placed, kept without a place, or not imported and why.
 */
export async function ImportSection({ locale, actor }: { locale: Locale; actor: Actor }) {
  const [t, messages, groups, sources] = await Promise.all([
    getTranslations({ locale, namespace: "import" }),
    getMessages(),
    findGroups(actor),
    findSources(),
  ]);
  return (
    <section aria-labelledby="import-heading" className={pageStyles.section}>
      <h2 id="import-heading">{t("heading")}</h2>
      <p className={pageStyles.intro}>{t("intro")}</p>
      <NextIntlClientProvider messages={{ import: messages.import, errors: messages.errors }}>
        <ImportForm
          locale={locale}
          groups={groups
            .filter((group) => canInGroup(group.role, "annotation.create"))
            .map((group) => ({
              id: group.id,
              name: group.term ? `${group.name} (${group.term})` : group.name,
            }))}
          sources={sources.map((source) => ({ slug: source.slug, title: source.title[locale] }))}
        />
      </NextIntlClientProvider>
    </section>
  );
}
