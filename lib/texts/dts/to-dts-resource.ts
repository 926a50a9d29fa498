import type { SourceSummary } from "@/lib/sources/types";
import { resourceId } from "../resource-id.ts";
import { TEXT_FORMATS, textPath } from "../text-formats.ts";
import { CITATION_TREES, DTS_VERSION, resourceTemplates } from "./dts-vocabulary.ts";
import { DOCUMENT_MEDIA_TYPES } from "./dts-query.ts";

/** A localized value as DTS's Dublin Core wants it: one `{ lang, value }` per language. */
function localized(value: { pl: string; en: string }) {
  return [
    { lang: "pl", value: value.pl },
    { lang: "en", value: value.en },
  ];
}

/**
 * A source's edition as a DTS `Resource` (Collection endpoint member, or the resource itself): its
 * edition-pinned identifier, the endpoints' templates with it filled in, its Dublin Core metadata in
 * both languages, its downloads and its one citation tree (sentences). `toAbsolute` makes a path an
 * absolute link on this site.
 */
export function toDtsResource(source: SourceSummary, toAbsolute: (path: string) => string) {
  const id = resourceId(source.slug, source.editionNumber);
  const download = (format: keyof typeof TEXT_FORMATS) =>
    toAbsolute(textPath(source.slug, source.editionNumber, format));
  return {
    "@id": id,
    "@type": "Resource",
    dtsVersion: DTS_VERSION,
    title: source.title.en,
    description: source.about.en,
    totalParents: 1,
    totalChildren: 0,
    ...resourceTemplates(id),
    dublinCore: {
      identifier: [id],
      isVersionOf: [resourceId(source.slug)],
      title: localized(source.title),
      description: localized(source.about),
      creator: localized(source.issuer),
      date: source.date,
      spatial: localized(source.place),
      language: [source.language],
      type: ["Text"],
      source: localized(source.publication),
      rights: localized(source.licence),
      hasVersion: [`edition ${source.editionNumber}`],
    },
    download: {
      "text/plain": download("txt"),
      "application/tei+xml": download("tei"),
      "application/json": download("json"),
    },
    mediaTypes: DOCUMENT_MEDIA_TYPES,
    citationTrees: CITATION_TREES,
  };
}
