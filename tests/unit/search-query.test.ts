import { describe, expect, it } from "vitest";
import { foldText } from "@/lib/search/fold-text";
import { findHighlights, highlightPieces, makeSnippet } from "@/lib/search/highlight-snippet";
import { inflectionPrefix, MAX_TERMS, parseSearchQuery } from "@/lib/search/parse-search-query";

describe("foldText", () => {
  it.each([
    ["Mościcki", "moscicki"],
    ["Rydz- Śmigły", "rydz smigly"],
    ["ŁÓDŹ żółć gęślą jaźń", "lodz zolc gesla jazn"],
    ["dyrektywę", "dyrektywe"],
    ["Straße, œuvre", "strasse oeuvre"],
    ["  „cytat” — 17.09.1939  ", "cytat 17 09 1939"],
    ["?!…", ""],
  ])("%j → %j", (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe("inflectionPrefix", () => {
  it.each([
    ["grzybowski", "grzybowsk"],
    ["grzybowskiemu", "grzybowsk"],
    ["dyrektywa", "dyrektyw"],
    ["dyrektywe", "dyrektyw"],
    ["smigly", "smigl"],
    ["moscicki", "moscick"],
    ["directives", "directiv"],
    // Too short to cut without finding noise.
    ["kuty", "kuty"],
    ["kosow", "kosow"],
  ])("%s → %s", (word, prefix) => {
    expect(inflectionPrefix(word)).toBe(prefix);
  });

  it("gives a word and its inflected forms the same start", () => {
    for (const [a, b] of [
      ["grzybowski", "grzybowskiemu"],
      ["dyrektywa", "dyrektywe"],
      ["smigly", "smiglego"],
    ]) {
      expect(b!.startsWith(inflectionPrefix(a!))).toBe(true);
    }
  });
});

describe("parseSearchQuery", () => {
  it("folds words and keeps their inflection prefix", () => {
    expect(parseSearchQuery("Mościcki  Śmigły")).toEqual([
      { kind: "word", word: "moscicki", prefix: "moscick" },
      { kind: "word", word: "smigly", prefix: "smigl" },
    ]);
  });

  it.each([
    ['"Rydz Śmigły" dyrektywa', [["rydz", "smigly"]], ["dyrektywa"]],
    ["„Rydz Śmigły” dyrektywa", [["rydz", "smigly"]], ["dyrektywa"]],
    ["«nota ZSRR»", [["nota", "zsrr"]], []],
    ['kuty "dyrektywa ogolna', [["dyrektywa", "ogolna"]], ["kuty"]],
    ['"" ""', [], []],
  ])("%s: phrases %j, words %j", (query, phrases, words) => {
    const terms = parseSearchQuery(query);
    expect(terms.flatMap((t) => (t.kind === "phrase" ? [t.words] : []))).toEqual(phrases);
    expect(terms.flatMap((t) => (t.kind === "word" ? [t.word] : []))).toEqual(words);
  });

  it("gives nothing for punctuation, drops repeats and stops at MAX_TERMS", () => {
    expect(parseSearchQuery("?!… — ,,")).toEqual([]);
    expect(parseSearchQuery("nota Nota NOTA")).toHaveLength(1);
    const many = Array.from({ length: 20 }, (_, i) => `word${i}`).join(" ");
    expect(parseSearchQuery(many)).toHaveLength(MAX_TERMS);
  });
});

const marked = (text: string, query: string) =>
  findHighlights(text, parseSearchQuery(query)).map((h) => text.slice(h.start, h.end));

describe("findHighlights", () => {
  it("marks whole words whose start matches, diacritics and inflection aside", () => {
    expect(marked("Marszałek Edward Rydz- Śmigły wydał dyrektywę.", "smigly dyrektywa")).toEqual([
      "Śmigły",
      "dyrektywę",
    ]);
    expect(marked("ambasadorowi RP Wacławowi Grzybowskiemu.", "Grzybowski")).toEqual(["Grzybowskiemu"]);
    expect(marked("wyrok", "rok")).toEqual([]);
  });

  it("marks a phrase as one range over its words in order, and nothing when they are apart", () => {
    expect(marked("Edward Rydz- Śmigły wydał", '"rydz smigly"')).toEqual(["Rydz- Śmigły"]);
    expect(marked("Śmigły Rydz", '"rydz smigly"')).toEqual([]);
  });

  it("merges overlapping marks", () => {
    expect(marked("Rydz- Śmigły", '"rydz smigly" rydz')).toEqual(["Rydz- Śmigły"]);
  });
});

describe("makeSnippet and highlightPieces", () => {
  it("keeps a short text whole", () => {
    const text = "Krótkie zdanie o Mościckim.";
    const snippet = makeSnippet(text, findHighlights(text, parseSearchQuery("moscicki")));
    expect(snippet.text).toBe(text);
    expect(highlightPieces(snippet)).toEqual([
      { text: "Krótkie zdanie o ", highlighted: false },
      { text: "Mościckim", highlighted: true },
      { text: ".", highlighted: false },
    ]);
  });

  it("cuts a long text around the first match at spaces, with ellipses, and moves the marks", () => {
    const text = `${"słowo ".repeat(60)}Grzybowskiemu ${"dalej ".repeat(60)}`;
    const snippet = makeSnippet(text, findHighlights(text, parseSearchQuery("grzybowski")), 80);
    expect(snippet.text.startsWith("…")).toBe(true);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(82);
    expect(snippet.highlights.map((h) => snippet.text.slice(h.start, h.end))).toEqual(["Grzybowskiemu"]);
  });

  it("never turns text into markup: a tag in the text stays text in the pieces", () => {
    const text = "<script>alert(1)</script> Mościcki";
    const pieces = highlightPieces(makeSnippet(text, findHighlights(text, parseSearchQuery("moscicki"))));
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.filter((p) => p.highlighted).map((p) => p.text)).toEqual(["Mościcki"]);
  });
});
