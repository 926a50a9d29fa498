/** DTS 1.0 (Distributed Text Services): the JSON-LD context, version and Glossa's endpoint addresses. */
export const DTS_CONTEXT = "https://dtsapi.org/context/v1.0.json";
export const DTS_VERSION = "1.0";
/** Every JSON answer of the DTS API is JSON-LD. */
export const DTS_JSON_CONTENT_TYPE = "application/ld+json";
export const TEI_CONTENT_TYPE = "application/tei+xml";

export const DTS_ENTRY_PATH = "/api/dts";
export const DTS_COLLECTION_PATH = "/api/dts/collection";
export const DTS_NAVIGATION_PATH = "/api/dts/navigation";
export const DTS_DOCUMENT_PATH = "/api/dts/document";

/** The identifier of the one collection: Glossa's library, whose members are its sources. */
export const LIBRARY_COLLECTION_ID = "glossa:library";

/** The one citation tree of every resource: one level, the sentence, cited by its number. */
export const CITE_TYPE = "sentence";
export const CITATION_TREES = [
  {
    "@type": "CitationTree",
    citeStructure: [{ "@type": "CiteStructure", citeType: CITE_TYPE }],
    description: "Sentences, cited by their number in the edition (1, 2, 3, …).",
  },
];

/** The endpoints' URI templates (RFC 6570), as the entry endpoint and each resource give them. */
export const TEMPLATES = {
  collection: `${DTS_COLLECTION_PATH}{?id,nav}`,
  navigation: `${DTS_NAVIGATION_PATH}{?resource,ref,start,end,down}`,
  document: `${DTS_DOCUMENT_PATH}{?resource,ref,start,end,mediaType}`,
};

/** The templates of one resource: its identifier filled in, the other parameters left open. */
export function resourceTemplates(id: string) {
  const resource = encodeURIComponent(id);
  return {
    collection: `${DTS_COLLECTION_PATH}?id=${resource}{&nav}`,
    navigation: `${DTS_NAVIGATION_PATH}?resource=${resource}{&ref,start,end,down}`,
    document: `${DTS_DOCUMENT_PATH}?resource=${resource}{&ref,start,end,mediaType}`,
  };
}
