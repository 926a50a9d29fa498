import "server-only";
import { getSourceText } from "@/lib/sources/get-source-text";
import { NotFoundError } from "@/lib/http/errors";
import { buildTei } from "../build-tei.ts";
import { parseResourceId, resourceId } from "../resource-id.ts";
import { TEXT_FORMATS, textPath } from "../text-formats.ts";
import { selectSentences } from "./citable-units.ts";
import { DOCUMENT_MEDIA_TYPES, type DocumentQuery } from "./dts-query.ts";
import { DTS_COLLECTION_PATH } from "./dts-vocabulary.ts";

/**
 * DTS Document endpoint: the TEI of a whole resource, or of the sentences `ref` or `start`..`end`
 * inside `<dts:wrapper>` (the header whole), with the path of the resource in the Collection
 * endpoint (for the Link header DTS recommends). NOT_FOUND for an unknown resource, tree, sentence
 * or media type.
 */
export async function getDtsDocument(query: DocumentQuery, toAbsolute: (path: string) => string) {
  const address = parseResourceId(query.resource);
  if (!address) throw new NotFoundError("dtsResourceNotFound");
  const source = await getSourceText(address.slug, address.editionNumber);
  if (query.tree !== undefined) throw new NotFoundError("dtsTreeNotFound");
  if (query.mediaType !== undefined && !DOCUMENT_MEDIA_TYPES.includes(query.mediaType)) {
    throw new NotFoundError("dtsMediaTypeNotFound");
  }
  const range = selectSentences(query, source.passages.length);
  const id = resourceId(source.slug, source.edition.number);
  return {
    contentType: TEXT_FORMATS.tei.contentType,
    body: buildTei(source, { range, url: toAbsolute(textPath(source.slug, source.edition.number, "tei")) }),
    collection: toAbsolute(`${DTS_COLLECTION_PATH}?id=${encodeURIComponent(id)}`),
  };
}
