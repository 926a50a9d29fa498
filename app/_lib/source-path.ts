import type { Locale } from "@/lib/sources/types";

/** The URL of a source in the reader, or of one of its sentences when `sentence` is given. */
export function sourcePath(locale: Locale, slug: string, sentence?: number): string {
  const base = `/${locale}/sources/${encodeURIComponent(slug)}`;
  return sentence === undefined ? base : `${base}/${sentence}`;
}
