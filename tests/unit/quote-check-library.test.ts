import { describe, expect, it } from "vitest";
import { checkQuote } from "@/lib/quote-check/check-quote";
import { checkQuoteInLibrary } from "@/lib/quote-check/check-quote-in-library";
import { countWords } from "@/lib/quote-check/count-words";
import { diacriticChanges } from "@/lib/quote-check/diacritic-changes";
import { prepareQuotation } from "@/lib/quote-check/prepare-quotation";
import { translationAsSource } from "@/lib/quote-check/translation-as-source";
import type { QuoteCheckSource } from "@/lib/quote-check/types";
import { readSourceFolder } from "@/lib/sources/read-source-folder";

const SOURCES = new URL("../../sources/", import.meta.url).pathname;
const SLUGS = ["pact-summary", "secret-protocol", "soviet-note", "moscicki-address", "kuty-directive"];
const folders = await Promise.all(SLUGS.map((slug) => readSourceFolder(SOURCES, slug)));

/** The built-in sources' texts and their working translations, as the quote checker gets them. */
const ORIGINALS: QuoteCheckSource[] = folders.map((folder) => ({
  slug: folder.metadata.slug,
  text: folder.text,
  passages: folder.sentences.map((range, i) => ({ number: i + 1, ...range })),
}));
const TRANSLATIONS: QuoteCheckSource[] = folders.map((folder) =>
  translationAsSource(
    folder.metadata.slug,
    folder.translation!.sentences.map((text, i) => ({ number: i + 1, text })),
  ),
);

describe("short quotations without their diacritics", () => {
  it("finds “Rydz-Smigly” and names the letters that differ", () => {
    const result = checkQuote("Rydz-Smigly", ORIGINALS);
    expect(result).toMatchObject({
      status: "near",
      match: { slug: "kuty-directive", firstSentence: 1, text: "Rydz- Śmigły" },
      differences: [
        {
          kind: "changed",
          quoted: "Rydz-Smigly",
          source: "Rydz- Śmigły",
          diacritics: [
            { quoted: "S", source: "Ś" },
            { quoted: "l", source: "ł" },
          ],
        },
      ],
    });
    // Sentence 2 has the name too, spelt without the stray space.
    expect(result.status === "near" && result.candidates.map((c) => c.firstSentence)).toEqual([1, 2]);
  });

  it("finds “pisal Rydz-Smigly” in the sentence that has it", () => {
    expect(checkQuote("pisal Rydz-Smigly", ORIGINALS)).toMatchObject({
      status: "near",
      match: { slug: "kuty-directive", firstSentence: 2, lastSentence: 2, text: "pisał Rydz-Śmigły" },
      differences: [
        { kind: "changed", quoted: "pisal", source: "pisał", diacritics: [{ quoted: "l", source: "ł" }] },
        {
          kind: "changed",
          quoted: "Rydz-Smigly",
          diacritics: [
            { quoted: "S", source: "Ś" },
            { quoted: "l", source: "ł" },
          ],
        },
      ],
    });
  });

  it("names no diacritics for a change of case alone", () => {
    const result = checkQuote("MYŚL PAKTU", ORIGINALS);
    expect(result).toMatchObject({
      status: "near",
      match: { slug: "secret-protocol", firstSentence: 1, text: "myśl paktu" },
      differences: [
        { kind: "changed", quoted: "MYŚL", source: "myśl" },
        { kind: "changed", quoted: "PAKTU", source: "paktu" },
      ],
    });
    expect(result.status === "near" && result.differences.some((d) => "diacritics" in d)).toBe(false);
  });

  it("does not take other words a few letters away for a short quotation", () => {
    expect(checkQuote("Smigla", ORIGINALS)).toEqual({ status: "not-found", candidates: [] });
  });
});

describe("diacriticChanges", () => {
  it.each([
    ["Swiat", "Świat", [{ quoted: "S", source: "Ś" }]],
    [
      "zolnierzy",
      "żołnierzy",
      [
        { quoted: "z", source: "ż" },
        { quoted: "l", source: "ł" },
      ],
    ],
    ["pakt", "Pakt", []],
    ["pakty", "Pakt", []],
    ["sad", "sok", []],
  ])("%s against %s", (quoted, source, changes) => {
    expect(diacriticChanges(quoted, source)).toEqual(changes);
  });
});

describe("one word count", () => {
  it.each(folders.map((folder) => [folder.metadata.slug, folder.text] as const))(
    "counts %s as the checker counts a quotation of the whole text",
    (_slug, text) => {
      expect(countWords(text)).toBe(prepareQuotation(text).wordCount);
    },
  );

  it("counts a compound with the seed's stray space as one word, and a dash as none", () => {
    expect(countWords("Rydz- Śmigły")).toBe(1);
    expect(countWords('Rumunii" - pisał Rydz-Śmigły.')).toBe(3);
    expect(countWords(folders.find((f) => f.metadata.slug === "kuty-directive")!.text)).toBe(149);
  });
});

describe("quotations of the working translation", () => {
  it("checks an English quotation against the translation and gives the original passage", () => {
    const checked = checkQuoteInLibrary(
      "Potemkin presented the note to the ambassador just as hostilities were beginning.",
      ORIGINALS,
      TRANSLATIONS,
    );
    expect(checked).toMatchObject({
      against: "translation",
      result: { status: "exact", match: { slug: "soviet-note", firstSentence: 4, lastSentence: 4 } },
      original: {
        slug: "soviet-note",
        firstSentence: 4,
        lastSentence: 4,
        text: "Potiomkin przedstawił notę ambasadorowi już w chwili rozpoczęcia działań wojennych.",
      },
    });
    const soviet = ORIGINALS.find((s) => s.slug === "soviet-note")!;
    expect(soviet.text.slice(checked.original!.start, checked.original!.end)).toBe(checked.original!.text);
  });

  it("reports an altered English quotation as near the translation, across two sentences", () => {
    const checked = checkQuoteInLibrary(
      "The pact was of great importance to both countries. For Germany it secured the eastern front",
      ORIGINALS,
      TRANSLATIONS,
    );
    expect(checked).toMatchObject({
      against: "translation",
      result: { status: "near", differences: [{ kind: "changed", quoted: "countries", source: "states" }] },
      original: { slug: "pact-summary", firstSentence: 2, lastSentence: 3 },
    });
  });

  it("keeps a Polish quotation against the original, with no original passage beside it", () => {
    expect(
      checkQuoteInLibrary("Pakt miał duże znaczenie dla obu państw.", ORIGINALS, TRANSLATIONS),
    ).toMatchObject({
      against: "original",
      result: { status: "exact", match: { slug: "pact-summary", firstSentence: 2 } },
      original: null,
    });
    expect(
      checkQuoteInLibrary("Pakt miał wielkie znaczenie dla obu państw.", ORIGINALS, TRANSLATIONS),
    ).toMatchObject({
      against: "original",
      result: { status: "near" },
      original: null,
    });
  });
});
