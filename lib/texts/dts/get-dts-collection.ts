import "server-only";
import { findSources } from "@/lib/sources/find-sources";
import { getSourceText } from "@/lib/sources/get-source-text";
import { NotFoundError } from "@/lib/http/errors";
import { parseResourceId } from "../resource-id.ts";
import type { CollectionQuery } from "./dts-query.ts";
import { DTS_CONTEXT, DTS_VERSION, LIBRARY_COLLECTION_ID, TEMPLATES } from "./dts-vocabulary.ts";
import { toDtsResource } from "./to-dts-resource.ts";

const LIBRARY = {
  "@id": LIBRARY_COLLECTION_ID,
  "@type": "Collection",
  dtsVersion: DTS_VERSION,
  title: "Glossa library",
  description: "The primary sources read in Glossa, one resource per source (its latest edition).",
  collection: TEMPLATES.collection,
  totalParents: 0,
};

/**
 * DTS Collection endpoint: the library (no `id`, or `glossa:library`) as a collection of one
 * resource per source, pinned to its latest edition; or one resource (`glossa:<slug>@<n>`, or
 * `glossa:<slug>` for the latest edition) with, for `nav=parents`, the library as its member.
 * NOT_FOUND for an identifier that names nothing.
 */
export async function getDtsCollection(query: CollectionQuery, toAbsolute: (path: string) => string) {
  if (query.id === undefined || query.id === LIBRARY_COLLECTION_ID) {
    const sources = await findSources();
    return {
      "@context": DTS_CONTEXT,
      ...LIBRARY,
      totalChildren: sources.length,
      dublinCore: {
        title: [
          { lang: "pl", value: "Biblioteka Glossy" },
          { lang: "en", value: "Glossa library" },
        ],
        publisher: ["Glossa"],
      },
      member: query.nav === "parents" ? [] : sources.map((source) => toDtsResource(source, toAbsolute)),
    };
  }
  const address = parseResourceId(query.id);
  if (!address) throw new NotFoundError("dtsResourceNotFound");
  const source = await getSourceText(address.slug, address.editionNumber);
  return {
    "@context": DTS_CONTEXT,
    ...toDtsResource(source, toAbsolute),
    ...(query.nav === "parents" && { member: [{ ...LIBRARY, totalChildren: (await findSources()).length }] }),
  };
}
