import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkQuote, MAX_QUOTATION_LENGTH, MIN_SIMILARITY } from "@/lib/quote-check/check-quote";
import type { QuoteCheckResult, QuoteCheckSource, QuoteMatch } from "@/lib/quote-check/types";
import { segmentSentences } from "@/lib/sources/segment-sentences";

const sourcesDir = new URL("../../sources/", import.meta.url);

/** The built-in sources as the reader has them: the text without its final newline, numbered sentences. */
const CORPUS: QuoteCheckSource[] = readdirSync(sourcesDir)
  .sort()
  .map((slug) => {
    const file = readFileSync(new URL(`${slug}/text.pl.txt`, sourcesDir), "utf8");
    const text = file.endsWith("\n") ? file.slice(0, -1) : file;
    const passages = segmentSentences(text).map((range, i) => ({ number: i + 1, ...range }));
    return { slug, text, passages };
  });

/** Checks the quotation, and that every place returned is the source's text at that range. */
function check(quotation: string): QuoteCheckResult {
  const result = checkQuote(quotation, CORPUS);
  const places: QuoteMatch[] = [];
  if ("match" in result) places.push(result.match);
  if ("candidates" in result) places.push(...result.candidates);
  if ("occurrences" in result) places.push(...result.occurrences);
  for (const place of places) {
    const source = CORPUS.find((s) => s.slug === place.slug)!;
    expect(place.text).toBe(source.text.slice(place.start, place.end));
  }
  return result;
}

const PACT_SENTENCE_2 = {
  slug: "pact-summary",
  start: 260,
  end: 300,
  firstSentence: 2,
  lastSentence: 2,
  text: "Pakt miał duże znaczenie dla obu państw.",
  similarity: 1,
};

it("reads the five built-in sources", () => {
  expect(CORPUS.map((source) => source.slug)).toEqual([
    "kuty-directive",
    "moscicki-address",
    "pact-summary",
    "secret-protocol",
    "soviet-note",
  ]);
});

describe("exact quotations", () => {
  it.each([
    ["as printed", "Pakt miał duże znaczenie dla obu państw."],
    ["in Polish quotation marks", "„Pakt miał duże znaczenie dla obu państw.”"],
    ["in English quotation marks", "“Pakt miał duże znaczenie dla obu państw.”"],
    ["in straight quotation marks, with spaces around", '  "Pakt miał duże znaczenie dla obu państw."  '],
    ["in guillemets", "«Pakt miał duże znaczenie dla obu państw.»"],
    ["with line breaks, tabs and doubled spaces", "Pakt miał\nduże  znaczenie\tdla obu\u00a0państw."],
    ["decomposed (NFD)", "Pakt miał duże znaczenie dla obu państw.".normalize("NFD")],
  ])("finds a sentence %s", (_, quotation) => {
    expect(check(quotation)).toEqual({
      status: "exact",
      match: PACT_SENTENCE_2,
      count: 1,
      occurrences: [PACT_SENTENCE_2],
    });
  });

  it("leaves out the full stop the student put after the closing quotation mark", () => {
    const result = check("„Pakt miał duże znaczenie dla obu państw”.");
    expect(result).toMatchObject({
      status: "exact",
      match: { start: 260, end: 299, text: "Pakt miał duże znaczenie dla obu państw" },
    });
  });

  it("takes a typographic dash and quotation mark for the source's plain ones", () => {
    expect(check("Rumunii” – pisał Rydz-Śmigły.")).toMatchObject({
      status: "exact",
      match: {
        slug: "kuty-directive",
        start: 335,
        end: 364,
        firstSentence: 2,
        lastSentence: 2,
        text: 'Rumunii" - pisał Rydz-Śmigły.',
      },
    });
  });

  it("takes a compound for the source's broken one (Rydz- Śmigły)", () => {
    expect(check("Marszałek Edward Rydz-Śmigły wydał")).toMatchObject({
      status: "exact",
      match: { slug: "kuty-directive", start: 0, end: 35, text: "Marszałek Edward Rydz- Śmigły wydał" },
    });
  });

  it("gives the first and last sentence of a quotation across two sentences", () => {
    expect(check("obu państw. Niemcom zabezpieczał front wschodni")).toMatchObject({
      status: "exact",
      match: {
        slug: "pact-summary",
        start: 289,
        end: 336,
        firstSentence: 2,
        lastSentence: 3,
        text: "obu państw. Niemcom zabezpieczał front wschodni",
      },
      count: 1,
    });
  });

  it("counts a two-word phrase that occurs several times, in corpus order", () => {
    const result = check("spraw zagranicznych");
    expect(result.status).toBe("exact");
    if (result.status !== "exact") return;
    expect(result.count).toBe(3);
    expect(result.match).toEqual(result.occurrences[0]);
    expect(
      result.occurrences.map(({ slug, start, firstSentence }) => ({ slug, start, firstSentence })),
    ).toEqual([
      { slug: "pact-summary", start: 31, firstSentence: 1 },
      { slug: "pact-summary", start: 104, firstSentence: 1 },
      { slug: "soviet-note", start: 158, firstSentence: 1 },
    ]);
  });

  it("is case-sensitive: lower-case „pakt” is the one in sentence 1", () => {
    expect(check("pakt")).toMatchObject({
      status: "exact",
      count: 1,
      match: { slug: "pact-summary", start: 159, end: 163, firstSentence: 1 },
    });
  });

  it("matches whole words only: „akt miał duże” is not verbatim in „Pakt miał duże”", () => {
    expect(check("akt miał duże")).toMatchObject({
      status: "near",
      match: { start: 260, end: 274, text: "Pakt miał duże" },
      differences: [{ kind: "changed", quoted: "akt", source: "Pakt" }],
    });
  });
});

describe("quotations with ellipsis marks", () => {
  const shortened = {
    status: "exact-with-ellipsis",
    match: {
      slug: "pact-summary",
      start: 301,
      end: 380,
      firstSentence: 3,
      lastSentence: 3,
      text: "Niemcom zabezpieczał front wschodni podczas planowanej wojny i ataku na Polskę.",
      similarity: 1,
    },
    parts: [
      { start: 301, end: 336 },
      { start: 362, end: 380 },
    ],
  };

  it.each(["[…]", "[...]", "(...)", "(…)", "…", "..."])("accepts %s for the words left out", (mark) => {
    const result = check(`Niemcom zabezpieczał front wschodni ${mark} i ataku na Polskę.`);
    expect(result).toMatchObject(shortened);
    if (result.status !== "exact-with-ellipsis") return;
    expect(result.tokens.filter((token) => token.status !== "same")).toEqual([
      { text: mark, status: "elided", source: "podczas planowanej wojny", spaceBefore: true },
    ]);
  });

  it("accepts an ellipsis that skips to a later sentence", () => {
    expect(check("ZSRR zobowiązał się […] aż do roku 1989")).toMatchObject({
      status: "exact-with-ellipsis",
      match: { slug: "secret-protocol", start: 348, end: 544, firstSentence: 3, lastSentence: 4 },
      parts: [
        { start: 348, end: 367 },
        { start: 529, end: 544 },
      ],
    });
  });

  it("accepts an ellipsis at the start", () => {
    expect(check("[…] zabezpieczał front wschodni")).toMatchObject({
      status: "exact-with-ellipsis",
      match: { slug: "pact-summary", start: 309, end: 336, text: "zabezpieczał front wschodni" },
      parts: [{ start: 309, end: 336 }],
    });
  });

  it("does not join parts five sentences apart into one quotation", () => {
    const result = check(
      "Marszałek Edward Rydz- Śmigły […] Ten masowy mord nosi dziś nazwę Zbrodni Katyńskiej.",
    );
    expect(result.status).not.toBe("exact-with-ellipsis");
    expect(result).toMatchObject({
      status: "near",
      match: { slug: "kuty-directive", firstSentence: 6, lastSentence: 6 },
      differences: [{ kind: "added", quoted: "Marszałek Edward Rydz- Śmigły" }],
    });
  });

  it("reports a changed word in a quotation with an ellipsis, the ellipsis being right", () => {
    const result = check("Niemcom zabezpieczał front wschodni […] i ataku na Węgry.");
    expect(result).toMatchObject({
      status: "near",
      match: { ...shortened.match, similarity: 0.872 },
      differences: [{ kind: "changed", quoted: "Węgry", source: "Polskę" }],
    });
  });
});

describe("altered quotations", () => {
  it("names both words of a changed word", () => {
    expect(check("Pakt miał wielkie znaczenie dla obu państw.")).toEqual({
      status: "near",
      match: { ...PACT_SENTENCE_2, similarity: 0.838 },
      differences: [{ kind: "changed", quoted: "wielkie", source: "duże" }],
      tokens: [
        { text: "Pakt", status: "same", spaceBefore: false },
        { text: "miał", status: "same", spaceBefore: true },
        { text: "wielkie", status: "changed", source: "duże", spaceBefore: true },
        { text: "znaczenie", status: "same", spaceBefore: true },
        { text: "dla", status: "same", spaceBefore: true },
        { text: "obu", status: "same", spaceBefore: true },
        { text: "państw", status: "same", spaceBefore: true },
        { text: ".", status: "same", spaceBefore: false },
      ],
      candidates: [{ ...PACT_SENTENCE_2, similarity: 0.838 }],
    });
  });

  it("reports a word dropped without an ellipsis mark as a missing ellipsis", () => {
    const result = check("Pakt miał znaczenie dla obu państw.");
    expect(result).toMatchObject({
      status: "near",
      match: { ...PACT_SENTENCE_2, similarity: 0.938 },
      differences: [{ kind: "missing-ellipsis", source: "duże" }],
    });
    if (result.status !== "near") return;
    expect(result.tokens[2]).toEqual({ text: "duże", status: "missing", spaceBefore: true });
  });

  it("reports a long clause dropped without an ellipsis mark, at its place", () => {
    const result = check(
      "Brak formalnego ogłoszenia przez władze RP wojny pomiędzy ZSRR a Polską doprowadził do dezorientacji wojska",
    );
    expect(result).toMatchObject({
      status: "near",
      match: {
        slug: "kuty-directive",
        start: 365,
        end: 531,
        firstSentence: 3,
        lastSentence: 3,
        similarity: 0.782,
      },
      differences: [
        { kind: "missing-ellipsis", source: "oraz brak jednoznacznego rozkazu stawiania oporu najeźdźcy" },
      ],
    });
    if (result.status !== "near") return;
    const missingAt = result.tokens.findIndex((token) => token.status === "missing");
    expect(result.tokens[missingAt - 1]?.text).toBe("Polską");
    expect(result.tokens[missingAt + 1]?.text).toBe("doprowadził");
  });

  it("reports an added word", () => {
    expect(check("Pakt miał bardzo duże znaczenie dla obu państw.")).toMatchObject({
      status: "near",
      match: { ...PACT_SENTENCE_2, similarity: 0.85 },
      differences: [{ kind: "added", quoted: "bardzo" }],
    });
  });

  it("reports punctuation left out as missing, and punctuation put in as added", () => {
    expect(check("Z bolszewikami nie walczyć chyba w razie natarcia z ich strony")).toMatchObject({
      status: "near",
      match: { slug: "kuty-directive", start: 129, end: 192, firstSentence: 2 },
      differences: [{ kind: "missing", source: "," }],
    });
    expect(check("Miasta, do których podejdą bolszewicy, powinny z nimi pertraktować")).toMatchObject({
      status: "near",
      match: { slug: "kuty-directive", start: 226, end: 291, firstSentence: 2 },
      differences: [{ kind: "added", quoted: "," }],
    });
  });

  it("finds a quotation typed without diacritics, and reports each such word", () => {
    expect(check("Pakt mial duze znaczenie dla obu panstw.")).toMatchObject({
      status: "near",
      match: { ...PACT_SENTENCE_2, similarity: 0.912 },
      differences: [
        { kind: "changed", quoted: "mial", source: "miał" },
        { kind: "changed", quoted: "duze", source: "duże" },
        { kind: "changed", quoted: "panstw", source: "państw" },
      ],
    });
  });

  it("finds a quotation in another case, and reports the change of case", () => {
    expect(check("pakt miał duże znaczenie")).toMatchObject({
      status: "near",
      match: { slug: "pact-summary", start: 260, end: 284, similarity: 0.952 },
      differences: [{ kind: "changed", quoted: "pakt", source: "Pakt" }],
    });
  });

  it("reports a word put before the quotation and a changed first word", () => {
    expect(check("Bo pakt miał duże znaczenie dla obu państw.")).toMatchObject({
      status: "near",
      match: { start: 260, end: 300 },
      differences: [
        { kind: "added", quoted: "Bo" },
        { kind: "changed", quoted: "pakt", source: "Pakt" },
      ],
    });
    expect(check("Umowa miała duże znaczenie dla obu państw.")).toMatchObject({
      status: "near",
      match: { start: 260, end: 300 },
      differences: [{ kind: "changed", quoted: "Umowa miała", source: "Pakt miał" }],
    });
  });
});

describe("quotations not in the corpus", () => {
  it.each([
    ["an English sentence", "The pact had great significance for both states."],
    [
      "a Polish sentence from elsewhere",
      "Bitwa pod Grunwaldem została stoczona w 1410 roku między wojskami polsko-litewskimi a Zakonem Krzyżackim.",
    ],
    ["a paraphrase", "Polska została zaatakowana przez Niemcy i ZSRR we wrześniu 1939 roku."],
  ])("finds %s nowhere, and offers the closest places", (_, quotation) => {
    const result = check(quotation);
    expect(result.status).toBe("not-found");
    if (result.status !== "not-found") return;
    expect(result.candidates).toHaveLength(3);
    const similarities = result.candidates.map((candidate) => candidate.similarity);
    expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    for (const similarity of similarities) {
      expect(similarity).toBeGreaterThan(0);
      expect(similarity).toBeLessThan(MIN_SIMILARITY);
    }
  });

  it("offers the closest place of a paraphrase, with its sentence", () => {
    const result = check("Polska została zaatakowana przez Niemcy i ZSRR we wrześniu 1939 roku.");
    expect(result).toMatchObject({
      status: "not-found",
      candidates: [
        {
          slug: "soviet-note",
          firstSentence: 1,
          lastSentence: 1,
          text: "3 w nocy 17 września 1939 roku",
          similarity: 0.322,
        },
        {},
        {},
      ],
    });
  });

  it("looks for a quotation of fewer than three words only verbatim, ignoring case", () => {
    expect(check("spraw zagranicznej")).toEqual({ status: "not-found", candidates: [] });
    expect(check("sprawy")).toEqual({ status: "not-found", candidates: [] });
    const result = check("Spraw zagranicznych");
    expect(result).toMatchObject({
      status: "near",
      match: { slug: "pact-summary", start: 31, end: 50, similarity: 0.944 },
      differences: [{ kind: "changed", quoted: "Spraw", source: "spraw" }],
    });
    if (result.status !== "near") return;
    expect(result.candidates.map((candidate) => [candidate.slug, candidate.start])).toEqual([
      ["pact-summary", 31],
      ["pact-summary", 104],
      ["soviet-note", 158],
    ]);
  });
});

describe("bad input", () => {
  it.each(["", "   \n\t", "„ ”", '""', "[…]", "—"])("calls %j empty", (quotation) => {
    expect(check(quotation)).toEqual({ status: "empty" });
  });

  it("refuses a quotation longer than 2,000 characters, counted once normalised", () => {
    const long = "Pakt miał duże znaczenie dla obu państw. ".repeat(60).trim();
    expect(long.length).toBeGreaterThan(MAX_QUOTATION_LENGTH);
    expect(check(long)).toEqual({ status: "too-long", length: long.length, maxLength: 2000 });
    expect(check(long.slice(0, 2000)).status).not.toBe("too-long");
    expect(check(`  ${long.slice(0, 2000)}  `).status).not.toBe("too-long");
  });

  it("refuses a huge paste without normalising it", () => {
    const huge = "a ".repeat(20_001);
    expect(check(huge)).toEqual({ status: "too-long", length: huge.length, maxLength: 2000 });
  });

  it("takes the limits from the options", () => {
    expect(checkQuote("Pakt miał duże znaczenie", CORPUS, { maxLength: 10 })).toEqual({
      status: "too-long",
      length: 24,
      maxLength: 10,
    });
    const strict = checkQuote("Pakt miał wielkie znaczenie dla obu państw.", CORPUS, { minSimilarity: 0.9 });
    expect(strict.status).toBe("not-found");
    if (strict.status !== "not-found") return;
    expect(strict.candidates[0]).toEqual({ ...PACT_SENTENCE_2, similarity: 0.838 });
  });

  it("finds nothing in an empty corpus", () => {
    expect(checkQuote("Pakt miał duże znaczenie dla obu państw.", [])).toEqual({
      status: "not-found",
      candidates: [],
    });
  });
});
