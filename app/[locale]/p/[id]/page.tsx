import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/get-current-user";
import { citePassage } from "@/lib/citations/cite-passage";
import { formatLocator } from "@/lib/citations/locator";
import { publicUrl } from "@/lib/http/public-url";
import { isLocale } from "@/lib/i18n/routing";
import { CitedPassageBanner } from "../../../_components/citations/cited-passage-banner";
import { SourceReader } from "../../../_components/source-reader";
import { loadPermalink } from "../../../_lib/load-permalink";
import { loadSourceReading } from "../../../_lib/load-source-reading";
import { requestOrigin } from "../../../_lib/request-origin";
import { resolveLocale } from "../../../_lib/resolve-locale";

interface PermalinkPageProps {
  params: Promise<{ locale: string; id: string }>;
}

/** The permalink and the edition to show, or notFound() (the localized 404) for a malformed or unknown id. */
async function load(id: string) {
  const permalink = (await loadPermalink(id)) ?? notFound();
  const reading = (await loadSourceReading(permalink.slug, permalink.shown.editionNumber)) ?? notFound();
  return { permalink, reading };
}

export async function generateMetadata({ params }: PermalinkPageProps): Promise<Metadata> {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  // notFound() here too, so the 404's own title (app/[locale]/not-found.tsx) is the one sent.
  const { permalink, reading } = await load(id);
  const { pinned } = permalink;
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: t("permalinkTitle", {
      title: reading.title[locale],
      locator: formatLocator(pinned.firstSentence, pinned.lastSentence, locale),
    }),
    description: pinned.quote,
  };
}

/**
 * `/{locale}/p/{id}`: a permalink. The reader, at the edition the passage is shown in (the newest one
 * that still has it), scrolled to the passage and highlighting it, under an account of the citation:
 * the quotation, whether it still matches its edition, and the citation in every style. Rendered for
 * each request (it reads the session: a group's own source is shown to its members only): links are made absolute with the visitor's origin, and whether
 * the quotation still matches is checked when the link is opened.
 */
export default async function PermalinkPage({ params }: PermalinkPageProps) {
  const locale = await resolveLocale(params);
  const { id } = await params;
  const { permalink, reading } = await load(id);
  const { pinned, shown } = permalink;
  const origin = new URL(publicUrl("/", await requestOrigin())).origin;
  // The pinned passage already has this permalink: citePassage finds it, and makes nothing new.
  const citation = await citePassage(
    { source: permalink.slug, editionNumber: pinned.editionNumber, start: pinned.start, end: pinned.end },
    locale,
    origin,
    await getActor(),
  );
  return (
    <SourceReader
      locale={locale}
      reading={reading}
      cited={{
        range: { start: shown.start, end: shown.end },
        firstSentence: shown.firstSentence,
        lastSentence: shown.lastSentence,
        path: `/p/${permalink.id}`,
        annotations: shown.editionNumber === permalink.latestEditionNumber,
        banner: (
          <CitedPassageBanner
            locale={locale}
            permalink={permalink}
            citation={citation}
            language={reading.language}
          />
        ),
      }}
    />
  );
}
