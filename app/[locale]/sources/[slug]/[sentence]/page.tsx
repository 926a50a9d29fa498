import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { parseSentenceNumber } from "@/lib/sources/parse-sentence-number";
import type { SourceReading } from "@/lib/sources/types";
import { SourceReader } from "../../../../_components/source-reader";
import { loadSourceReading } from "../../../../_lib/load-source-reading";
import { resolveLocale } from "../../../../_lib/resolve-locale";

interface SentencePageProps {
  params: Promise<{ locale: string; slug: string; sentence: string }>;
}

// Rendered for each request, like the source page.
export const dynamic = "force-dynamic";

/** The sentence number if the reading has such a sentence, else null. */
function existingSentence(reading: SourceReading, segment: string): number | null {
  const number = parseSentenceNumber(segment);
  return number !== null && reading.passages.some((p) => p.number === number) ? number : null;
}

export async function generateMetadata({ params }: SentencePageProps): Promise<Metadata> {
  const { locale, slug, sentence } = await params;
  if (!isLocale(locale)) notFound();
  // notFound() here too, so the 404's own title (app/[locale]/not-found.tsx) is the one sent.
  const reading = (await loadSourceReading(slug)) ?? notFound();
  const number = existingSentence(reading, sentence) ?? notFound();
  const t = await getTranslations({ locale, namespace: "meta" });
  return {
    title: t("sentenceTitle", { title: reading.title[locale], number }),
    description: reading.about[locale],
  };
}

/** `/{locale}/sources/{slug}/{n}`: the reader, scrolled to sentence n and marking it. */
export default async function SentencePage({ params }: SentencePageProps) {
  const locale = await resolveLocale(params);
  const { slug, sentence } = await params;
  const reading = (await loadSourceReading(slug)) ?? notFound();
  const number = existingSentence(reading, sentence) ?? notFound();
  return <SourceReader locale={locale} reading={reading} currentSentence={number} />;
}
