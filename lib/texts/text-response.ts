import "server-only";
import { getSourceText } from "@/lib/sources/get-source-text";
import { OPEN_TO_OTHER_SITES } from "./open-to-other-sites.ts";
import { buildPlainText } from "./build-plain-text.ts";
import { buildTei } from "./build-tei.ts";
import { buildTextJson } from "./build-text-json.ts";
import { TEXT_FORMATS, textFileName, textPath, type TextFormat } from "./text-formats.ts";

/**
 * A source's edition (`editionNumber`, or the latest when undefined) as a download in `format`, with
 * its media type and file name; the latest alias also names the edition-pinned address it stands
 * for (Link rel="canonical"), which is what to cite. `toAbsolute` makes a path an absolute link.
 */
export async function textResponse(
  slug: string,
  editionNumber: number | undefined,
  format: TextFormat,
  toAbsolute: (path: string) => string,
): Promise<Response> {
  const source = await getSourceText(slug, editionNumber);
  const pinned = toAbsolute(textPath(source.slug, source.edition.number, format));
  const body =
    format === "txt"
      ? buildPlainText(source)
      : format === "tei"
        ? buildTei(source, { url: pinned })
        : JSON.stringify(buildTextJson(source));
  return new Response(body, {
    headers: {
      ...OPEN_TO_OTHER_SITES,
      "Content-Type": TEXT_FORMATS[format].contentType,
      "Content-Disposition": `inline; filename="${textFileName(source.slug, source.edition.number, format)}"`,
      Link: `<${pinned}>; rel="canonical"`,
    },
  });
}
