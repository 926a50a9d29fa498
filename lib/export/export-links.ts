import { publicUrl } from "@/lib/http/public-url";
import type { Locale } from "@/lib/i18n/routing";
import type { ExportLinks } from "./exported-annotation.ts";

/** The path of an annotation's own JSON-LD document, its IRI on this app. */
export function webAnnotationPath(id: string): string {
  return `/api/annotations/${encodeURIComponent(id)}/jsonld`;
}

/**
 * The links an export writes, on the configured public address (GLOSSA_PUBLIC_URL), else on the
 * address the reader reached (`readerOrigin`, from the connection, never a Host header): see publicUrl.
 * An edition's URL is its source's reader link naming the edition (`/sources/{slug}?edition=2`, the
 * language picked by the reader's); a sentence link opens the reader on it in `locale`.
 */
export function exportLinks(locale: Locale, readerOrigin: string | undefined): ExportLinks {
  return {
    annotation: (id) => publicUrl(webAnnotationPath(id), readerOrigin),
    edition: (slug, number) =>
      publicUrl(`/sources/${encodeURIComponent(slug)}?edition=${number}`, readerOrigin),
    sentence: (slug, number) =>
      publicUrl(`/${locale}/sources/${encodeURIComponent(slug)}/${number}`, readerOrigin),
  };
}
