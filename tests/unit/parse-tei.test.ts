import { describe, expect, it } from "vitest";
import { parseTei } from "@/lib/sources/parse-tei";

/** A small TEI P5 edition: a header with title, author, publication, licence and date; two divs. */
const EDITION = `<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title xml:lang="pl">Nota sowiecka</title>
        <title xml:lang="en">The Soviet note</title>
        <author>Władimir Potiomkin</author>
      </titleStmt>
      <publicationStmt>
        <publisher>Archiwum Akt Nowych</publisher>
        <pubPlace>Warszawa</pubPlace>
        <availability><licence target="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</licence></availability>
      </publicationStmt>
      <sourceDesc><bibl><date when="1939-09-17">17 września 1939</date></bibl></sourceDesc>
    </fileDesc>
    <profileDesc><langUsage><language ident="pl">polski</language></langUsage></profileDesc>
  </teiHeader>
  <text>
    <body>
      <div>
        <head>Nota</head>
        <p><s>Pierwsze zdanie, np. o tym.</s> <s>Drugie   zdanie<note>Przypis wydawcy.</note> tutaj.</s></p>
      </div>
      <div>
        <p>Bez znaczników. Dwa zdania<lb/>w akapicie.</p>
      </div>
    </body>
  </text>
</TEI>`;

describe("parseTei", () => {
  const result = parseTei(EDITION);
  if (!result.ok) throw new Error(`expected a parsed edition, got ${result.problem}`);
  const { draft, metadata } = result;
  const sentences = draft.sentences.map((s) => draft.text.slice(s.start, s.end));

  it("keeps divs and paragraphs as paragraphs and <s> as sentences, notes out of the text", () => {
    expect(draft.text).toBe(
      "Nota\n\nPierwsze zdanie, np. o tym. Drugie zdanie tutaj.\n\nBez znaczników. Dwa zdania w akapicie.",
    );
    expect(sentences).toEqual([
      "Nota",
      "Pierwsze zdanie, np. o tym.",
      "Drugie zdanie tutaj.",
      "Bez znaczników.",
      "Dwa zdania w akapicie.",
    ]);
  });

  it("takes each <note> as an editorial note at its place", () => {
    expect(draft.notes).toEqual([{ at: draft.text.indexOf(" tutaj."), body: "Przypis wydawcy." }]);
  });

  it("reads title, author, publication, licence, date and language from the header", () => {
    expect(metadata).toEqual({
      titlePl: "Nota sowiecka",
      titleEn: "The Soviet note",
      date: "1939-09-17",
      issuerPl: "Władimir Potiomkin",
      issuerEn: "Władimir Potiomkin",
      publicationPl: "Archiwum Akt Nowych, Warszawa",
      publicationEn: "Archiwum Akt Nowych, Warszawa",
      licencePl: "CC BY 4.0",
      licenceEn: "CC BY 4.0",
      language: "pl",
    });
  });

  it.each([
    ["a mismatched tag", "<TEI>\n<text>\n<body><p>x</div></body></text></TEI>", 3],
    ["an unclosed root", "<TEI>\n<text><body><p>x</p></body></text>\n", 3],
    ["an undefined entity", "<TEI>\n\n<text><body><p>&nbsp;</p></body></text></TEI>", 3],
    ["text that is not XML", "Just words", 1],
  ])("reports %s with its line", (_name, xml, line) => {
    expect(parseTei(xml)).toMatchObject({ ok: false, problem: "xmlMalformed", line });
  });

  it.each([
    ["a document that is not TEI", "<html><body><p>x</p></body></html>", "teiNotTei"],
    ["TEI without a body", "<TEI><teiHeader/><text><front/></text></TEI>", "teiNoBody"],
    ["TEI with an empty body", "<TEI><text><body><div/></body></text></TEI>", "teiEmptyBody"],
  ])("refuses %s", (_name, xml, problem) => {
    expect(parseTei(xml)).toMatchObject({ ok: false, problem });
  });

  it("expands no entity a DTD declares", () => {
    const xml = `<!DOCTYPE TEI [<!ENTITY x "boom">]><TEI><text><body><p>&x;</p></body></text></TEI>`;
    const parsed = parseTei(xml);
    expect(parsed.ok && parsed.draft.text.includes("boom")).toBe(false);
  });
});
