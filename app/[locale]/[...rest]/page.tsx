import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { resolveLocale } from "../../_lib/resolve-locale";

interface UnknownPageProps {
  params: Promise<{ locale: string; rest: string[] }>;
}

// Also from metadata, so the 404's own title (app/[locale]/not-found.tsx) is the one sent.
export async function generateMetadata(): Promise<Metadata> {
  notFound();
}

/** Any other path under a locale is a localized 404 (Next only renders not-found.tsx on notFound()). */
export default async function UnknownPage({ params }: UnknownPageProps) {
  await resolveLocale(params);
  notFound();
}
