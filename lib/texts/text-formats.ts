/** The formats each source's editions are served in, their file names and media types. */
export const TEXT_FORMATS = {
  txt: { file: "text.txt", contentType: "text/plain; charset=utf-8" },
  tei: { file: "tei.xml", contentType: "application/tei+xml; charset=utf-8" },
  json: { file: "text.json", contentType: "application/json; charset=utf-8" },
} as const;

export type TextFormat = keyof typeof TEXT_FORMATS;

/**
 * The path of a source's edition in a format: `/api/sources/<slug>/editions/<n>/tei.xml`, with
 * "latest" for whichever edition is newest when asked.
 */
export function textPath(slug: string, edition: number | "latest", format: TextFormat): string {
  return `/api/sources/${encodeURIComponent(slug)}/editions/${edition}/${TEXT_FORMATS[format].file}`;
}

/** A download's file name: `kuty-directive-2.tei.xml`. */
export function textFileName(slug: string, editionNumber: number, format: TextFormat): string {
  return `${slug}-${editionNumber}.${TEXT_FORMATS[format].file.replace(/^text\./u, "")}`;
}
