import { assembleDraft, type DraftParagraph } from "./assemble-draft.ts";
import { parseXmlTree, XmlSyntaxError, type XmlElement } from "./parse-xml-tree.ts";
import type { SentenceRange } from "./segment-sentences.ts";
import type { DraftNote, SourceDraft } from "./source-draft.ts";

/** What a TEI header says about a source, as the add-a-source form's fields (empty: it says nothing). */
export interface TeiMetadata {
  titlePl: string;
  titleEn: string;
  date: string;
  issuerPl: string;
  issuerEn: string;
  publicationPl: string;
  publicationEn: string;
  licencePl: string;
  licenceEn: string;
  language: string;
}

export type TeiResult =
  | { ok: true; draft: SourceDraft; metadata: TeiMetadata }
  /** `line`: where a document that is not well-formed XML stops being so. */
  | { ok: false; problem: "xmlMalformed"; line: number; detail: string }
  | { ok: false; problem: "teiNotTei" | "teiNoBody" | "teiEmptyBody" };

/** Elements of `<body>` that are a paragraph of the text. */
const PARAGRAPHS = new Set([
  "p",
  "head",
  "ab",
  "l",
  "item",
  "closer",
  "opener",
  "salute",
  "signed",
  "dateline",
]);
/** Elements that only hold other blocks: their paragraphs become the text's, in order. */
const CONTAINERS = new Set([
  "body",
  "div",
  "div1",
  "div2",
  "div3",
  "div4",
  "div5",
  "div6",
  "div7",
  "lg",
  "list",
]);
/** Elements that stand for a break in the line, read as a space. */
const LINE_BREAKS = new Set(["lb", "cb"]);
/** Elements that are not the text's words: page breaks, milestones, figures' descriptions. */
const SKIPPED = new Set(["pb", "milestone", "fw", "figDesc", "interpGrp", "interp"]);

/**
 * A TEI P5 document as a source to add: the text of `<body>` with its `<div>`/`<p>` structure as
 * paragraphs, `<s>` elements as the sentences where the edition marks them (unmarked text is cut by
 * `segmentSentences`), `<note>` elements taken out of the text as editorial notes at their place, and
 * what `<teiHeader>` says (title, date, author, publication, licence, language) to prefill the form.
 * Read with a strict XML parser, never with patterns; a document that is not well-formed reports the
 * line where it fails, one without `<TEI>` or `<text><body>` says so.
 */
export function parseTei(xml: string): TeiResult {
  let root: XmlElement;
  try {
    root = parseXmlTree(xml);
  } catch (error) {
    if (error instanceof XmlSyntaxError) {
      return { ok: false, problem: "xmlMalformed", line: error.line, detail: error.message };
    }
    throw error;
  }
  if (root.name !== "TEI") return { ok: false, problem: "teiNotTei" };
  const text = child(root, "text");
  const body = text && child(text, "body");
  if (!body) return { ok: false, problem: "teiNoBody" };
  const paragraphs: DraftParagraph[] = [];
  readBlocks(body, paragraphs);
  const draft = assembleDraft(paragraphs);
  if (draft.sentences.length === 0) return { ok: false, problem: "teiEmptyBody" };
  return {
    ok: true,
    draft,
    metadata: readHeader(
      child(root, "teiHeader"),
      text.attributes["xml:lang"] ?? root.attributes["xml:lang"],
    ),
  };
}

/** Builds one paragraph: collapses white space as XML display does, and records sentences and notes. */
class ParagraphBuilder {
  text = "";
  marked: SentenceRange[] = [];
  notes: DraftNote[] = [];
  private sentenceDepth = 0;
  private sentenceStart = 0;

  append(words: string): void {
    let collapsed = words.replace(/\s+/gu, " ");
    if (this.text === "" || this.text.endsWith(" ")) collapsed = collapsed.replace(/^ /u, "");
    this.text += collapsed;
  }

  openSentence(): void {
    if (this.sentenceDepth++ === 0) this.sentenceStart = this.text.length;
  }

  closeSentence(): void {
    if (--this.sentenceDepth === 0) this.marked.push({ start: this.sentenceStart, end: this.text.length });
  }

  finish(): DraftParagraph {
    const text = this.text.trimEnd();
    const clamp = (n: number) => Math.min(n, text.length);
    return {
      text,
      marked: this.marked.length
        ? this.marked.map((r) => ({ start: clamp(r.start), end: clamp(r.end) }))
        : null,
      notes: this.notes.map((note) => ({ at: clamp(note.at), body: note.body })),
    };
  }
}

function readBlocks(container: XmlElement, paragraphs: DraftParagraph[]): void {
  let loose = new ParagraphBuilder();
  const flush = () => {
    paragraphs.push(loose.finish());
    loose = new ParagraphBuilder();
  };
  for (const node of container.children) {
    if (typeof node === "string") loose.append(node);
    else if (CONTAINERS.has(node.name)) {
      flush();
      readBlocks(node, paragraphs);
    } else if (PARAGRAPHS.has(node.name)) {
      flush();
      const paragraph = new ParagraphBuilder();
      readInline(node, paragraph);
      paragraphs.push(paragraph.finish());
    } else readInline({ ...node, children: [node] }, loose);
  }
  flush();
}

function readInline(element: XmlElement, paragraph: ParagraphBuilder): void {
  for (const node of element.children) {
    if (typeof node === "string") paragraph.append(node);
    else if (node.name === "note") {
      const body = textOf(node);
      if (body) paragraph.notes.push({ at: paragraph.text.trimEnd().length, body });
    } else if (node.name === "s") {
      paragraph.openSentence();
      readInline(node, paragraph);
      paragraph.closeSentence();
    } else if (LINE_BREAKS.has(node.name)) paragraph.append(" ");
    else if (!SKIPPED.has(node.name)) readInline(node, paragraph);
  }
}

function readHeader(header: XmlElement | undefined, textLanguage: string | undefined): TeiMetadata {
  const fileDesc = header && child(header, "fileDesc");
  const titleStmt = fileDesc && child(fileDesc, "titleStmt");
  const publicationStmt = fileDesc && child(fileDesc, "publicationStmt");
  const sourceDesc = fileDesc && child(fileDesc, "sourceDesc");
  const profileDesc = header && child(header, "profileDesc");

  const titles = titleStmt ? children(titleStmt, "title") : [];
  const titleIn = (language: string) =>
    textOf(titles.find((t) => t.attributes["xml:lang"] === language)) ||
    textOf(titles.find((t) => !t.attributes["xml:lang"])) ||
    textOf(titles[0]);
  const authors = titleStmt ? children(titleStmt, "author").map(textOf).filter(Boolean).join("; ") : "";
  const publication = publicationStmt
    ? [
        child(publicationStmt, "publisher"),
        child(publicationStmt, "pubPlace"),
        child(publicationStmt, "date"),
      ]
        .map(textOf)
        .filter(Boolean)
        .join(", ") || children(publicationStmt, "p").map(textOf).join(" ")
    : "";
  const licence = publicationStmt ? descendant(publicationStmt, "licence") : undefined;
  const licenceText = textOf(licence) || licence?.attributes.target || "";
  const creation = profileDesc ? child(profileDesc, "creation") : undefined;
  const date = [creation && descendant(creation, "date"), sourceDesc && descendant(sourceDesc, "date")]
    .map((element) => element?.attributes.when ?? "")
    .find((when) => /^\d{4}-\d{2}-\d{2}$/u.test(when));
  const languageElement = profileDesc && descendant(profileDesc, "language");
  return {
    titlePl: titleIn("pl"),
    titleEn: titleIn("en"),
    date: date ?? "",
    issuerPl: authors,
    issuerEn: authors,
    publicationPl: publication,
    publicationEn: publication,
    licencePl: licenceText,
    licenceEn: licenceText,
    language: languageElement?.attributes.ident ?? textLanguage ?? "",
  };
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

function children(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c): c is XmlElement => typeof c !== "string" && c.name === name);
}

function descendant(element: XmlElement, name: string): XmlElement | undefined {
  for (const c of element.children) {
    if (typeof c === "string") continue;
    if (c.name === name) return c;
    const found = descendant(c, name);
    if (found) return found;
  }
  return undefined;
}

/** An element's text (all of its descendants'), white space collapsed; "" for none. */
function textOf(element: XmlElement | undefined): string {
  if (!element) return "";
  const parts: string[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === "string") parts.push(c);
      else if (LINE_BREAKS.has(c.name)) parts.push(" ");
      else walk(c);
    }
  };
  walk(element);
  return parts.join("").replace(/\s+/gu, " ").trim();
}
