import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { AssignmentBanner } from "./assignment-banner";

/**
 * The reader's assignment banner with its few messages (the same for every reader: the page stays
 * cacheable; the banner asks for the reader's assignments itself).
 */
export async function AssignmentBannerSlot({ locale, sourceSlug }: { locale: Locale; sourceSlug: string }) {
  const { banner } = (await getMessages({ locale })).assignments;
  return (
    <NextIntlClientProvider locale={locale} messages={{ assignments: { banner } }}>
      <AssignmentBanner locale={locale} sourceSlug={sourceSlug} />
    </NextIntlClientProvider>
  );
}
