import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { SourceText } from "@/lib/sources/get-source-text";
import type { Localized, PassageView } from "@/lib/sources/types";
import { apparatusLetter, translationNoteNumeral } from "@/lib/sources/apparatus-letter";
import { resourceId } from "./resource-id.ts";
import { splitParagraphs, type Paragraph } from "./split-paragraphs.ts";

export const TEI_NAMESPACE = "http://www.tei-c.org/ns/1.0";
/** The namespace of DTS's `<dts:wrapper>` (DTS 1.0, Document endpoint). */
export const DTS_NAMESPACE = "https://w3id.org/api/dts#";
const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/**
 * What a character XML 1.0 cannot carry (a control character a text should never hold) becomes:
 * the replacement character, so the document stays well-formed and the reader sees where it was.
 */
const INVALID_CHARACTER_REPLACEMENT = "\uFFFD";

export interface TeiOptions {
  /** The absolute address of this edition's TEI, given as its `<idno type="URI">`. */
  url?: string;
  /**
   * Only these sentences (inclusive), inside `<dts:wrapper>` as DTS's Document endpoint asks for a
   * part of a resource; the header stays whole.
   */
  range?: { first: number; last: number };
}

/**
 * An edition as a TEI P5 document: a header from the source's metadata (both titles, the issuer,
 * the edition, its publication and licence, the document's date and place), the text with one
 * `<s n="N" xml:id="s-N">` per sentence in its paragraphs, the editor's notes as `<note>`s in the
 * back matter pointing at their sentences, and the working translation as a second `<text>` whose
 * sentences point at the original's (`corresp="#s-N"`), its own notes in its back matter. Built with an XML serializer, so every
 * character of the text is escaped as XML requires.
 */
export function buildTei(source: SourceText, options: TeiOptions = {}): string {
  const document = create({
    version: "1.0",
    encoding: "UTF-8",
    invalidCharReplacement: INVALID_CHARACTER_REPLACEMENT,
  });
  const tei = document.ele(TEI_NAMESPACE, "TEI");
  lang(tei, source.language);
  addHeader(tei.ele("teiHeader"), source, options.url);
  const inRange = (n: number) => !options.range || (n >= options.range.first && n <= options.range.last);
  const paragraphs = splitParagraphs(source.text, source.passages)
    .map((paragraph) => paragraph.filter(({ passage }) => inRange(passage.number)))
    .filter((paragraph) => paragraph.length > 0);
  const translation = source.translation;
  const outer = tei.ele("text");
  const group = translation ? outer.ele("group") : undefined;
  const original = group ? group.ele("text") : outer;
  if (translation) {
    lang(original, source.language).att("type", "original").att(XML_NAMESPACE, "xml:id", "original");
  }
  const body = original.ele("body");
  const holder = options.range ? body.ele(DTS_NAMESPACE, "dts:wrapper") : body;
  addParagraphs(holder, paragraphs, (s, passage) => {
    s.att(XML_NAMESPACE, "xml:id", `s-${passage.number}`).txt(passage.text);
  });
  const notes = source.notes.filter(
    (note) =>
      !options.range ||
      (note.lastSentence >= options.range.first && note.firstSentence <= options.range.last),
  );
  if (notes.length > 0) addNotes(original.ele("back").ele("div").att("type", "notes"), notes);
  if (group && translation) {
    const text = lang(group.ele("text"), translation.language)
      .att("type", "translation")
      .att(XML_NAMESPACE, "xml:id", "translation");
    const words = new Map(translation.sentences.map((s) => [s.number, s.text]));
    addParagraphs(
      text.ele("body"),
      paragraphs,
      (s, passage) => {
        s.att(XML_NAMESPACE, "xml:id", `t-${passage.number}`)
          .att("corresp", `#s-${passage.number}`)
          .txt(words.get(passage.number) ?? "");
      },
      " ",
    );
    const own = translation.notes.filter((note) => inRange(note.sentence));
    if (own.length > 0) addTranslationNotes(text.ele("back").ele("div").att("type", "notes"), own);
  }
  return document.end({ prettyPrint: false });
}

function lang(element: XMLBuilder, language: string): XMLBuilder {
  return element.att(XML_NAMESPACE, "xml:lang", language);
}

/** Both languages of a localized value as sibling elements named `name`. */
function bilingual(
  parent: XMLBuilder,
  name: string,
  value: Localized,
  attributes: Record<string, string> = {},
) {
  for (const language of ["pl", "en"] as const) {
    lang(parent.ele(name, attributes), language).txt(value[language]);
  }
}

function addHeader(header: XMLBuilder, source: SourceText, url: string | undefined) {
  const file = header.ele("fileDesc");
  const titles = file.ele("titleStmt");
  lang(titles.ele("title", { type: "main" }), "pl").txt(source.title.pl);
  lang(titles.ele("title", { type: "main" }), "en").txt(source.title.en);
  bilingual(
    titles.ele("author", { role: source.issuerRole === "issuer" ? "issuer" : "signatory" }),
    "name",
    source.issuer,
  );
  if (source.translation) {
    const resp = titles.ele("respStmt");
    lang(resp.ele("resp"), "en").txt(source.translation.addedInApp ? "translation" : "working translation");
    resp.ele("name").txt(source.translation.label);
    if (source.translation.translator) {
      const translated = titles.ele("respStmt");
      lang(translated.ele("resp"), "en").txt("translated by");
      translated.ele("name").txt(source.translation.translator);
    }
    if (source.translation.revisedBy) {
      const revised = titles.ele("respStmt");
      lang(revised.ele("resp"), "en").txt(
        `revision of the translation${source.translation.revisedOn ? ` of ${source.translation.revisedOn}` : ""}`,
      );
      bilingual(revised, "name", source.translation.revisedBy);
    }
  }
  file
    .ele("editionStmt")
    .ele("edition", { n: String(source.edition.number) })
    .txt(`Edition ${source.edition.number}`)
    .ele("date", { when: source.edition.createdAt.slice(0, 10) })
    .txt(source.edition.createdAt.slice(0, 10));
  const publication = file.ele("publicationStmt");
  publication.ele("publisher").txt("Glossa");
  publication.ele("idno", { type: "glossa" }).txt(resourceId(source.slug, source.edition.number));
  if (url) publication.ele("idno", { type: "URI" }).txt(url);
  bilingual(publication.ele("availability"), "licence", source.licence);
  const bibl = file.ele("sourceDesc").ele("bibl");
  bilingual(bibl, "title", source.title);
  bilingual(bibl.ele("author"), "name", source.issuer);
  bibl.ele("date", { when: source.date }).txt(source.date);
  bilingual(bibl, "pubPlace", source.place);
  bilingual(bibl, "note", source.publication, { type: "publication" });
  bilingual(bibl.ele("availability"), "licence", source.licence);
  const profile = header.ele("profileDesc");
  const creation = profile.ele("creation");
  creation.ele("date", { when: source.date }).txt(source.date);
  bilingual(creation, "placeName", source.place);
  const languages = profile.ele("langUsage");
  languages.ele("language", { ident: source.language });
  if (source.translation && source.translation.language !== source.language) {
    languages.ele("language", { ident: source.translation.language });
  }
  const about = profile.ele("abstract");
  bilingual(about, "p", source.about);
}

/**
 * One `<p>` per paragraph with one `<s>` per sentence, `fill` giving each its id and words; between
 * sentences the original's separator, or `separator` (the translation's sentences have none stored).
 */
function addParagraphs(
  parent: XMLBuilder,
  paragraphs: Paragraph[],
  fill: (s: XMLBuilder, passage: PassageView) => void,
  separator?: string,
) {
  for (const paragraph of paragraphs) {
    const p = parent.ele(TEI_NAMESPACE, "p");
    paragraph.forEach(({ passage, before }, index) => {
      const gap = separator ?? before;
      if (index > 0 && gap) p.txt(gap);
      fill(p.ele("s", { n: String(passage.number) }), passage);
    });
  }
}

/** The translation's own notes (a TEI translation's), each pointing at its translation sentence. */
function addTranslationNotes(div: XMLBuilder, notes: NonNullable<SourceText["translation"]>["notes"]) {
  for (const note of notes) {
    div
      .ele("note", {
        type: "translator",
        n: translationNoteNumeral(note.number),
        target: `#t-${note.sentence}`,
      })
      .att(XML_NAMESPACE, "xml:id", `translation-note-${note.number}`)
      .ele("p")
      .txt(note.body);
  }
}

function addNotes(div: XMLBuilder, notes: SourceText["notes"]) {
  for (const note of notes) {
    const sentences = [];
    for (let n = note.firstSentence; n <= note.lastSentence; n += 1) sentences.push(`#s-${n}`);
    const element = div
      .ele("note", { type: "editorial", n: apparatusLetter(note.number), target: sentences.join(" ") })
      .att(XML_NAMESPACE, "xml:id", `note-${note.key}`);
    bilingual(element, "p", note.body);
  }
}
