/**
 * The texts as data (lib/texts): plain text, JSON and TEI P5 built from one edition. The TEI is parsed
 * back with a strict XML parser (any well-formedness error fails the test), and what a scholar would
 * check is read from the parsed tree: one `<s>` per sentence with its number and words, escaping of
 * markup characters, Polish letters intact, the translation's sentences pointing at the original's.
 */
import type { Document, Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import type { SourceText } from "@/lib/sources/get-source-text";
import { buildPlainText } from "@/lib/texts/build-plain-text";
import { buildTei, DTS_NAMESPACE, TEI_NAMESPACE } from "@/lib/texts/build-tei";
import { buildTextJson } from "@/lib/texts/build-text-json";
import { parseResourceId, resourceId } from "@/lib/texts/resource-id";
import { textPath } from "@/lib/texts/text-formats";
import { parseXml } from "../support/parse-xml";

const XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace";

/** Sentences with everything XML must escape, Polish diacritics, and a paragraph break before 3. */
const SENTENCES = [
  `Rydz-Śmigły pisał: "Z bolszewikami nie walczyć" & <nie> 'czekać'.`,
  "Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ.",
  "Koniec ]]> i </s> w tekście.",
];
const TEXT = `${SENTENCES[0]} ${SENTENCES[1]}\n\n${SENTENCES[2]}`;

function sourceText(overrides: Partial<SourceText> = {}): SourceText {
  let offset = 0;
  const passages = SENTENCES.map((sentence, index) => {
    const start = TEXT.indexOf(sentence, offset);
    offset = start + sentence.length;
    return { number: index + 1, start, end: offset, text: sentence };
  });
  const both = (pl: string, en: string) => ({ pl, en });
  return {
    slug: "test-source",
    title: both("Dyrektywa „z Kut” & <inne>", `The "Kuty" Directive & <others>`),
    titleShort: both("Dyrektywa", "Directive"),
    titleEnSentenceStyle: "The Kuty directive",
    about: both("O dyrektywie", "About the directive"),
    kind: "primary",
    language: "pl",
    date: "1939-09-17",
    place: both("Kuty", "Kuty"),
    issuer: both("Marszałek Edward Rydz-Śmigły", "Marshal Edward Rydz-Śmigły"),
    issuerRole: "issuer",
    publication: both("Wydanie <testowe>", "A <test> edition"),
    licence: both("Licencja & warunki", "Licence & terms"),
    editionNumber: 2,
    sentenceCount: 3,
    characterCount: TEXT.length,
    wordCount: 20,
    edition: { id: "e1", number: 2, contentHash: "ab".repeat(32), createdAt: "2026-12-01T10:00:00.000Z" },
    passages,
    translation: {
      language: "en",
      label: "Working translation",
      number: 1,
      revision: 2,
      revisedBy: both("redakcja", "the editors"),
      revisedOn: "2026-12-05",
      addedInApp: false,
      translator: null,
      sentences: [
        { number: 1, text: `Rydz-Śmigły wrote: "Do not fight" & <wait>.` },
        { number: 2, text: "Pangram." },
        { number: 3, text: "The end ]]>." },
      ],
      notes: [{ number: 1, sentence: 3, body: "The translator's <note> & more" }],
    },
    notes: [
      {
        number: 1,
        key: "a-note",
        firstSentence: 2,
        lastSentence: 3,
        start: passages[1]!.start,
        end: passages[2]!.end,
        body: both("Uwaga „<b>” & więcej", "A note on <b> & more"),
      },
    ],
    text: TEXT,
    ...overrides,
  };
}

function elements(root: Document | Element, name: string, namespace = TEI_NAMESPACE): Element[] {
  return Array.from(root.getElementsByTagNameNS(namespace, name));
}

function sentencesOf(text: Element) {
  return elements(text, "s").map((s) => ({
    n: s.getAttribute("n"),
    id: s.getAttributeNS(XML_NAMESPACE, "id"),
    corresp: s.getAttribute("corresp"),
    words: s.textContent,
  }));
}

describe("TEI P5", () => {
  it("is checked by a parser that refuses what is not well-formed", () => {
    expect(() => parseXml("<TEI><s>a & b</s></TEI>")).toThrow();
    expect(() => parseXml("<TEI><s>a</TEI>")).toThrow();
    expect(() => parseXml(`<TEI><s n="1" n="2"/></TEI>`)).toThrow();
    expect(() => parseXml("<TEI><s>a &amp; b &#261;</s></TEI>")).not.toThrow();
  });

  const xml = buildTei(sourceText(), {
    url: "https://glossa.example/api/sources/test-source/editions/2/tei.xml",
  });
  const document = parseXml(xml);

  it("is well-formed TEI with a header built from the metadata", () => {
    expect(document.documentElement?.localName).toBe("TEI");
    expect(document.documentElement?.namespaceURI).toBe(TEI_NAMESPACE);
    const [titleStmt] = elements(document, "titleStmt");
    expect(
      elements(titleStmt!, "title").map((t) => [t.getAttributeNS(XML_NAMESPACE, "lang"), t.textContent]),
    ).toEqual([
      ["pl", "Dyrektywa „z Kut” & <inne>"],
      ["en", `The "Kuty" Directive & <others>`],
    ]);
    expect(elements(titleStmt!, "author")[0]?.textContent).toContain("Marszałek Edward Rydz-Śmigły");
    const [publicationStmt] = elements(document, "publicationStmt");
    expect(publicationStmt?.textContent).toContain("glossa:test-source@2");
    expect(publicationStmt?.textContent).toContain("Licence & terms");
    const [sourceDesc] = elements(document, "sourceDesc");
    expect(sourceDesc?.textContent).toContain("A <test> edition");
    expect(elements(sourceDesc!, "date")[0]?.getAttribute("when")).toBe("1939-09-17");
  });

  it("has one <s n id> per sentence, words exact and escaped, in the source's paragraphs", () => {
    const [original] = elements(document, "text").filter((t) => t.getAttribute("type") === "original");
    expect(original?.getAttributeNS(XML_NAMESPACE, "lang")).toBe("pl");
    expect(sentencesOf(original!)).toEqual(
      SENTENCES.map((words, i) => ({ n: String(i + 1), id: `s-${i + 1}`, corresp: null, words })),
    );
    const paragraphs = elements(elements(original!, "body")[0]!, "p");
    expect(paragraphs.map((p) => elements(p, "s").length)).toEqual([2, 1]);
    expect(paragraphs[0]?.textContent).toBe(`${SENTENCES[0]} ${SENTENCES[1]}`);
    expect(xml).toContain("&amp; &lt;nie&gt;");
    expect(xml).not.toContain("<nie>");
    expect(xml).toContain("Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ");
    expect(xml).not.toContain("\u0000");
  });

  it("links the translation's sentences to the original's and keeps the editor's notes", () => {
    const [translation] = elements(document, "text").filter((t) => t.getAttribute("type") === "translation");
    expect(translation?.getAttributeNS(XML_NAMESPACE, "lang")).toBe("en");
    expect(sentencesOf(translation!).map(({ corresp, words }) => [corresp, words])).toEqual([
      ["#s-1", `Rydz-Śmigły wrote: "Do not fight" & <wait>.`],
      ["#s-2", "Pangram."],
      ["#s-3", "The end ]]>."],
    ]);
    const [note] = elements(document, "note").filter((n) => n.getAttribute("type") === "editorial");
    expect(note?.getAttribute("target")).toBe("#s-2 #s-3");
    expect(note?.getAttribute("n")).toBe("a");
    expect(note?.textContent).toContain("A note on <b> & more");
    // The translation's own note, in its back matter, on its sentence.
    const own = elements(translation!, "note");
    expect(own.map((n) => [n.getAttribute("type"), n.getAttribute("n"), n.getAttribute("target")])).toEqual([
      ["translator", "i", "#t-3"],
    ]);
    expect(own[0]!.textContent).toBe("The translator's <note> & more");
  });

  it("puts only the asked sentences in <dts:wrapper> for a part of the resource", () => {
    const part = parseXml(buildTei(sourceText(), { range: { first: 2, last: 3 } }));
    const wrappers = elements(part, "wrapper", DTS_NAMESPACE);
    expect(wrappers).toHaveLength(1);
    expect(sentencesOf(wrappers[0]!).map((s) => s.n)).toEqual(["2", "3"]);
    const [translation] = elements(part, "text").filter((t) => t.getAttribute("type") === "translation");
    expect(sentencesOf(translation!).map((s) => s.corresp)).toEqual(["#s-2", "#s-3"]);
    expect(elements(translation!, "note")).toHaveLength(1);
    const first = parseXml(buildTei(sourceText(), { range: { first: 1, last: 2 } }));
    const [firstTranslation] = elements(first, "text").filter(
      (t) => t.getAttribute("type") === "translation",
    );
    expect(elements(firstTranslation!, "note")).toHaveLength(0);
  });

  it("stays well-formed when a text holds a character XML cannot carry, and without a translation", () => {
    const control = sourceText({
      translation: null,
      notes: [],
      passages: [{ number: 1, start: 0, end: 5, text: "a\u0001b\uFFFEc" }],
      text: "a\u0001b\uFFFEc",
    });
    const parsed = parseXml(buildTei(control));
    expect(elements(parsed, "text")).toHaveLength(1);
    expect(sentencesOf(parsed.documentElement!)).toEqual([
      { n: "1", id: "s-1", corresp: null, words: "a\uFFFDb\uFFFDc" },
    ]);
  });
});

describe("JSON and plain text", () => {
  it("gives every sentence its number, offsets into the text, words and translation", () => {
    const json = buildTextJson(sourceText());
    expect(json.id).toBe("glossa:test-source@2");
    expect(json.sentences).toHaveLength(3);
    for (const sentence of json.sentences) {
      expect(json.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(json.sentences[0]).toMatchObject({
      number: 1,
      translation: `Rydz-Śmigły wrote: "Do not fight" & <wait>.`,
    });
    expect(JSON.parse(JSON.stringify(json)).title.pl).toBe("Dyrektywa „z Kut” & <inne>");
    expect(json.translation?.notes).toEqual([
      { number: 1, sentence: 3, body: "The translator's <note> & more" },
    ]);
  });

  it("is the edition's text as stored, so the JSON's offsets fit it", () => {
    const plain = buildPlainText(sourceText());
    expect(plain).toBe(`${TEXT}\n`);
    expect(plain).toContain("Zażółć gęślą jaźń");
  });
});

describe("resource identifiers", () => {
  it.each([
    ["glossa:kuty-directive@2", { slug: "kuty-directive", editionNumber: 2 }],
    ["glossa:kuty-directive", { slug: "kuty-directive", editionNumber: undefined }],
    ["glossa:kuty-directive@0", null],
    ["glossa:kuty-directive@02", null],
    ["glossa:kuty-directive@9999999999", null],
    ["glossa:Kuty@1", null],
    ["glossa:a@1@2", null],
    ["urn:cts:kuty", null],
    ["glossa:", null],
  ])("reads %j", (value, expected) => {
    expect(parseResourceId(value)).toEqual(expected);
  });

  it("round-trips and builds edition-pinned paths", () => {
    expect(parseResourceId(resourceId("soviet-note", 3))).toEqual({ slug: "soviet-note", editionNumber: 3 });
    expect(textPath("soviet-note", "latest", "tei")).toBe("/api/sources/soviet-note/editions/latest/tei.xml");
  });
});

describe("one way in", () => {
  it("reads texts only through lib/sources (getSourceText, findSources), never the database itself", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const files = ["lib/texts", "app/api/dts", "app/api/sources/[slug]/editions"].flatMap((folder) =>
      readdirSync(folder, { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".ts"))
        .map((name) => `${folder}/${name}`),
    );
    expect(files.length).toBeGreaterThan(15);
    const direct = files.filter((file) =>
      /from "@\/lib\/db"|getSourceReading/u.test(readFileSync(file, "utf8")),
    );
    expect(direct).toEqual([]);
    const readers = files.filter((file) =>
      /^import (?!type )[^;]*from "@\/lib\/sources\/(get-source-text|find-sources)"/mu.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(readers.sort()).toEqual([
      "lib/texts/dts/get-dts-collection.ts",
      "lib/texts/dts/get-dts-document.ts",
      "lib/texts/dts/get-dts-navigation.ts",
      "lib/texts/text-response.ts",
    ]);
  });
});
