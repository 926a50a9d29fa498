import type { Locale } from "@/lib/sources/types";

/** The URL of a source in the reader, or of one of its sentences when `sentence` is given. */
export function sourcePath(locale: Locale, slug: string, sentence?: number): string {
  const base = `/${locale}/sources/${encodeURIComponent(slug)}`;
  return sentence === undefined ? base : `${base}/${sentence}`;
}

/**
 * The URL that opens a note in the reader: the sentence it is on (none: the source) with its thread
 * picked in the panel (`?note=`, the annotation layer's), as a search result links to it.
 */
export function notePath(locale: Locale, slug: string, sentence: number | null, threadId: string): string {
  return `${sourcePath(locale, slug, sentence ?? undefined)}?note=${encodeURIComponent(threadId)}`;
}
