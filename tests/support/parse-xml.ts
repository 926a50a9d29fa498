import { DOMParser, type Document } from "@xmldom/xmldom";

/** An "&" that starts no entity or character reference: not well-formed, though xmldom lets it by. */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/iu;

/**
 * Parses XML strictly: any error or warning throws, but xmldom's warning that the text holds U+FFFD
 * (well-formed, and what the builder puts for a character XML cannot carry); a bare "&" throws too.
 */
export function parseXml(xml: string): Document {
  if (BARE_AMPERSAND.test(xml)) throw new Error("A bare & is not well-formed XML");
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning" || !message.includes("replacement character")) {
        throw new Error(`${level}: ${message}`);
      }
    },
  }).parseFromString(xml, "application/xml");
}
