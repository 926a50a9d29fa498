import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { SourceReader } from "../../../_components/source-reader";
import { loadSourceReading } from "../../../_lib/load-source-reading";
import { resolveLocale } from "../../../_lib/resolve-locale";

interface SourcePageProps {
  params: Promise<{ locale: string; slug: string }>;
}

// Rendered for each request: a group's own source is shown to its members only (the session decides).
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: SourcePageProps): Promise<Metadata> {
  const { locale, slug } = await params;
  if (!isLocale(locale)) notFound();
  // notFound() here too, so the 404's own title (app/[locale]/not-found.tsx) is the one sent.
  const reading = (await loadSourceReading(slug)) ?? notFound();
  return { title: reading.title[locale], description: reading.about[locale] };
}

/** `/{locale}/sources/{slug}`: the reader. */
export default async function SourcePage({ params }: SourcePageProps) {
  const locale = await resolveLocale(params);
  const { slug } = await params;
  const reading = (await loadSourceReading(slug)) ?? notFound();
  return <SourceReader locale={locale} reading={reading} />;
}
