import { SaxesParser } from "saxes";

/** An element of a parsed XML document: its local name, its attributes by qualified name, its content. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlChild[];
}

export type XmlChild = XmlElement | string;

/** Why a document could not be read: the parser's message and the line (from 1) where it stopped. */
export class XmlSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "XmlSyntaxError";
  }
}

/**
 * The element tree of an XML document, read by saxes, a strict XML 1.0 parser: a document that is not
 * well-formed (an unclosed or mismatched tag, an undefined entity, text after the root) throws
 * XmlSyntaxError with the line of the first fault. Names are local names (namespaces resolved). No
 * entity of a DTD is ever expanded and nothing outside the string is read.
 */
export function parseXmlTree(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const root: XmlElement = { name: "", attributes: {}, children: [] };
  const open: XmlElement[] = [root];
  const current = () => open[open.length - 1]!;
  parser.on("error", (error) => {
    throw new XmlSyntaxError(error.message, Math.max(1, parser.line));
  });
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, attribute] of Object.entries(tag.attributes)) {
      attributes[name] = typeof attribute === "string" ? attribute : attribute.value;
    }
    const element: XmlElement = { name: tag.local ?? tag.name, attributes, children: [] };
    current().children.push(element);
    if (!tag.isSelfClosing) open.push(element);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) open.pop();
  });
  parser.on("text", (text) => current().children.push(text));
  parser.on("cdata", (text) => current().children.push(text));
  parser.write(xml).close();
  const element = root.children.find((child): child is XmlElement => typeof child !== "string");
  if (!element) throw new XmlSyntaxError("no root element", 1);
  return element;
}
