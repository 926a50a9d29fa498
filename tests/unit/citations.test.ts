import { readFileSync } from "node:fs";
import { Cite } from "@citation-js/core";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { exportCitation } from "@/lib/citations/export-citation";
import { formatCitation, type CitationStyle } from "@/lib/citations/format-citation";
import { formatQuotedCitation } from "@/lib/citations/format-quoted-citation";
import { formatLocator } from "@/lib/citations/locator";
import { toCslItem, type CitedSource, type SourceCitation } from "@/lib/citations/source-citation";
import { SourceMetadataSchema } from "@/lib/sources/source-metadata-schema";
import type { Locale } from "@/lib/sources/types";

/** A built-in source as the reader has it, read from its `sources/<slug>/source.yaml`, in its first edition. */
function builtInSource(slug: string): CitedSource {
  const yaml = readFileSync(new URL(`../../sources/${slug}/source.yaml`, import.meta.url), "utf8");
  const { title, kind, language, date, place, issuer, publication, licence } = SourceMetadataSchema.parse(
    parse(yaml),
  );
  return { slug, title, kind, language, date, place, issuer, publication, licence, editionNumber: 1 };
}

const ACCESSED = "2026-11-20";

function citing(source: CitedSource, first: number, last: number, locale: Locale = "en"): SourceCitation {
  return {
    source,
    quote: "Pakt miał duże znaczenie dla obu państw.",
    firstSentence: first,
    lastSentence: last,
    url: `https://glossa.example.edu/${locale}/sources/${source.slug}/${first}`,
    accessed: ACCESSED,
  };
}

type Expected = Record<CitationStyle, string>;
type ExpectedWithLocator = Pick<
  Expected,
  "chicago-note" | "chicago-short-note" | "mla-in-text" | "apa-in-text"
>;

interface SourceCase {
  slug: string;
  /** One sentence, with every style written out. */
  one: { sentence: number; expected: Expected };
  /** Several sentences: only the styles that carry a locator differ. */
  several: { first: number; last: number; expected: ExpectedWithLocator };
}

// The five built-in texts are summaries written for Glossa: no issuer as author and no 1939 date (they
// are not the documents' words), the Polish title with its English translation in brackets, Glossa as
// website and publisher, an access date. Checked by hand against the web-page rules of CMOS 17, MLA 9
// and APA 7.
const ENGLISH: SourceCase[] = [
  {
    slug: "kuty-directive",
    one: {
      sentence: 3,
      expected: {
        "chicago-note":
          "“Dyrektywa z Kut” [The Kuty Directive], Glossa, edition 1, sentence 3, accessed November 20, 2026, https://glossa.example.edu/en/sources/kuty-directive/3.",
        "chicago-short-note": "“Dyrektywa z Kut,” sentence 3.",
        "chicago-bibliography":
          "“Dyrektywa z Kut” [The Kuty Directive]. Glossa, edition 1. Accessed November 20, 2026. https://glossa.example.edu/en/sources/kuty-directive/3.",
        mla: "“Dyrektywa z Kut” [The Kuty Directive]. Glossa, edition 1, https://glossa.example.edu/en/sources/kuty-directive/3. Accessed 20 Nov. 2026.",
        "mla-in-text": "(“Dyrektywa z Kut,” sentence 3)",
        apa: "Dyrektywa z Kut [The Kuty Directive] (edition 1). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive/3",
        "apa-in-text": "(Dyrektywa z Kut, n.d., sentence 3)",
      },
    },
    several: {
      first: 3,
      last: 4,
      expected: {
        "chicago-note":
          "“Dyrektywa z Kut” [The Kuty Directive], Glossa, edition 1, sentences 3–4, accessed November 20, 2026, https://glossa.example.edu/en/sources/kuty-directive/3.",
        "chicago-short-note": "“Dyrektywa z Kut,” sentences 3–4.",
        "mla-in-text": "(“Dyrektywa z Kut,” sentences 3–4)",
        "apa-in-text": "(Dyrektywa z Kut, n.d., sentences 3–4)",
      },
    },
  },
  {
    slug: "moscicki-address",
    one: {
      sentence: 2,
      expected: {
        // citeproc-js sets the title's straight apostrophe as a typographic one.
        "chicago-note":
          "“Orędzie prezydenta Mościckiego z Kosowa” [President Mościcki’s Kosów Address], Glossa, edition 1, sentence 2, accessed November 20, 2026, https://glossa.example.edu/en/sources/moscicki-address/2.",
        "chicago-short-note": "“Orędzie prezydenta Mościckiego z Kosowa,” sentence 2.",
        "chicago-bibliography":
          "“Orędzie prezydenta Mościckiego z Kosowa” [President Mościcki’s Kosów Address]. Glossa, edition 1. Accessed November 20, 2026. https://glossa.example.edu/en/sources/moscicki-address/2.",
        mla: "“Orędzie prezydenta Mościckiego z Kosowa” [President Mościcki’s Kosów Address]. Glossa, edition 1, https://glossa.example.edu/en/sources/moscicki-address/2. Accessed 20 Nov. 2026.",
        "mla-in-text": "(“Orędzie prezydenta Mościckiego z Kosowa,” sentence 2)",
        apa: "Orędzie prezydenta Mościckiego z Kosowa [President Mościcki’s Kosów Address] (edition 1). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/moscicki-address/2",
        "apa-in-text": "(Orędzie prezydenta Mościckiego z Kosowa, n.d., sentence 2)",
      },
    },
    several: {
      first: 1,
      last: 3,
      expected: {
        "chicago-note":
          "“Orędzie prezydenta Mościckiego z Kosowa” [President Mościcki’s Kosów Address], Glossa, edition 1, sentences 1–3, accessed November 20, 2026, https://glossa.example.edu/en/sources/moscicki-address/1.",
        "chicago-short-note": "“Orędzie prezydenta Mościckiego z Kosowa,” sentences 1–3.",
        "mla-in-text": "(“Orędzie prezydenta Mościckiego z Kosowa,” sentences 1–3)",
        "apa-in-text": "(Orędzie prezydenta Mościckiego z Kosowa, n.d., sentences 1–3)",
      },
    },
  },
  {
    slug: "pact-summary",
    one: {
      sentence: 1,
      expected: {
        "chicago-note":
          "“Pakt o nieagresji (streszczenie)” [The Non-Aggression Pact (summary)], Glossa, edition 1, sentence 1, accessed November 20, 2026, https://glossa.example.edu/en/sources/pact-summary/1.",
        "chicago-short-note": "“Pakt o nieagresji (streszczenie),” sentence 1.",
        "chicago-bibliography":
          "“Pakt o nieagresji (streszczenie)” [The Non-Aggression Pact (summary)]. Glossa, edition 1. Accessed November 20, 2026. https://glossa.example.edu/en/sources/pact-summary/1.",
        mla: "“Pakt o nieagresji (streszczenie)” [The Non-Aggression Pact (summary)]. Glossa, edition 1, https://glossa.example.edu/en/sources/pact-summary/1. Accessed 20 Nov. 2026.",
        "mla-in-text": "(“Pakt o nieagresji (streszczenie),” sentence 1)",
        apa: "Pakt o nieagresji (streszczenie) [The Non-Aggression Pact (summary)] (edition 1). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/pact-summary/1",
        "apa-in-text": "(Pakt o nieagresji (streszczenie), n.d., sentence 1)",
      },
    },
    several: {
      first: 2,
      last: 4,
      expected: {
        "chicago-note":
          "“Pakt o nieagresji (streszczenie)” [The Non-Aggression Pact (summary)], Glossa, edition 1, sentences 2–4, accessed November 20, 2026, https://glossa.example.edu/en/sources/pact-summary/2.",
        "chicago-short-note": "“Pakt o nieagresji (streszczenie),” sentences 2–4.",
        "mla-in-text": "(“Pakt o nieagresji (streszczenie),” sentences 2–4)",
        "apa-in-text": "(Pakt o nieagresji (streszczenie), n.d., sentences 2–4)",
      },
    },
  },
  {
    slug: "secret-protocol",
    one: {
      sentence: 4,
      expected: {
        "chicago-note":
          "“Tajny protokół dodatkowy” [The Secret Additional Protocol], Glossa, edition 1, sentence 4, accessed November 20, 2026, https://glossa.example.edu/en/sources/secret-protocol/4.",
        "chicago-short-note": "“Tajny protokół dodatkowy,” sentence 4.",
        "chicago-bibliography":
          "“Tajny protokół dodatkowy” [The Secret Additional Protocol]. Glossa, edition 1. Accessed November 20, 2026. https://glossa.example.edu/en/sources/secret-protocol/4.",
        mla: "“Tajny protokół dodatkowy” [The Secret Additional Protocol]. Glossa, edition 1, https://glossa.example.edu/en/sources/secret-protocol/4. Accessed 20 Nov. 2026.",
        "mla-in-text": "(“Tajny protokół dodatkowy,” sentence 4)",
        apa: "Tajny protokół dodatkowy [The Secret Additional Protocol] (edition 1). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/secret-protocol/4",
        "apa-in-text": "(Tajny protokół dodatkowy, n.d., sentence 4)",
      },
    },
    several: {
      first: 2,
      last: 3,
      expected: {
        "chicago-note":
          "“Tajny protokół dodatkowy” [The Secret Additional Protocol], Glossa, edition 1, sentences 2–3, accessed November 20, 2026, https://glossa.example.edu/en/sources/secret-protocol/2.",
        "chicago-short-note": "“Tajny protokół dodatkowy,” sentences 2–3.",
        "mla-in-text": "(“Tajny protokół dodatkowy,” sentences 2–3)",
        "apa-in-text": "(Tajny protokół dodatkowy, n.d., sentences 2–3)",
      },
    },
  },
  {
    slug: "soviet-note",
    one: {
      sentence: 5,
      expected: {
        "chicago-note":
          "“Nota ZSRR z 17 września 1939” [The Soviet Note of 17 September 1939], Glossa, edition 1, sentence 5, accessed November 20, 2026, https://glossa.example.edu/en/sources/soviet-note/5.",
        "chicago-short-note": "“Nota ZSRR z 17 września 1939,” sentence 5.",
        "chicago-bibliography":
          "“Nota ZSRR z 17 września 1939” [The Soviet Note of 17 September 1939]. Glossa, edition 1. Accessed November 20, 2026. https://glossa.example.edu/en/sources/soviet-note/5.",
        mla: "“Nota ZSRR z 17 września 1939” [The Soviet Note of 17 September 1939]. Glossa, edition 1, https://glossa.example.edu/en/sources/soviet-note/5. Accessed 20 Nov. 2026.",
        "mla-in-text": "(“Nota ZSRR z 17 września 1939,” sentence 5)",
        apa: "Nota ZSRR z 17 września 1939 [The Soviet Note of 17 September 1939] (edition 1). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/soviet-note/5",
        "apa-in-text": "(Nota ZSRR z 17 września 1939, n.d., sentence 5)",
      },
    },
    several: {
      first: 6,
      last: 7,
      expected: {
        "chicago-note":
          "“Nota ZSRR z 17 września 1939” [The Soviet Note of 17 September 1939], Glossa, edition 1, sentences 6–7, accessed November 20, 2026, https://glossa.example.edu/en/sources/soviet-note/6.",
        "chicago-short-note": "“Nota ZSRR z 17 września 1939,” sentences 6–7.",
        "mla-in-text": "(“Nota ZSRR z 17 września 1939,” sentences 6–7)",
        "apa-in-text": "(Nota ZSRR z 17 września 1939, n.d., sentences 6–7)",
      },
    },
  },
];

describe("formatCitation of the built-in sources in English", () => {
  describe.each(ENGLISH)("$slug", ({ slug, one, several }) => {
    const source = builtInSource(slug);

    it.each(Object.entries(one.expected))("%s, one sentence", (style, expected) => {
      expect(formatCitation(citing(source, one.sentence, one.sentence), style as CitationStyle, "en")).toBe(
        expected,
      );
    });

    it.each(Object.entries(several.expected))("%s, several sentences", (style, expected) => {
      expect(formatCitation(citing(source, several.first, several.last), style as CitationStyle, "en")).toBe(
        expected,
      );
    });
  });
});

describe("formatCitation in Polish", () => {
  // The title is already in the reader's language: no translation in brackets. Polish quotation marks
  // with the comma outside, Polish terms and dates, "zd." for the sentences.
  const cases: [slug: string, first: number, last: number, expected: Expected][] = [
    [
      "kuty-directive",
      3,
      3,
      {
        "chicago-note":
          "„Dyrektywa z Kut”, Glossa, wydanie 1, zd. 3, dostęp 20 listopada 2026, https://glossa.example.edu/pl/sources/kuty-directive/3.",
        "chicago-short-note": "„Dyrektywa z Kut”, zd. 3.",
        "chicago-bibliography":
          "„Dyrektywa z Kut”. Glossa, wydanie 1. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/kuty-directive/3.",
        mla: "„Dyrektywa z Kut”. Glossa, wydanie 1, https://glossa.example.edu/pl/sources/kuty-directive/3. Dostęp 20 listopada 2026.",
        "mla-in-text": "(„Dyrektywa z Kut”, zd. 3)",
        apa: "Dyrektywa z Kut (wydanie 1). (b.d.). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/kuty-directive/3",
        "apa-in-text": "(Dyrektywa z Kut, b.d., zd. 3)",
      },
    ],
    [
      "soviet-note",
      6,
      7,
      {
        "chicago-note":
          "„Nota ZSRR z 17 września 1939”, Glossa, wydanie 1, zd. 6–7, dostęp 20 listopada 2026, https://glossa.example.edu/pl/sources/soviet-note/6.",
        "chicago-short-note": "„Nota ZSRR z 17 września 1939”, zd. 6–7.",
        "chicago-bibliography":
          "„Nota ZSRR z 17 września 1939”. Glossa, wydanie 1. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/soviet-note/6.",
        mla: "„Nota ZSRR z 17 września 1939”. Glossa, wydanie 1, https://glossa.example.edu/pl/sources/soviet-note/6. Dostęp 20 listopada 2026.",
        "mla-in-text": "(„Nota ZSRR z 17 września 1939”, zd. 6–7)",
        apa: "Nota ZSRR z 17 września 1939 (wydanie 1). (b.d.). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/soviet-note/6",
        "apa-in-text": "(Nota ZSRR z 17 września 1939, b.d., zd. 6–7)",
      },
    ],
  ];

  describe.each(cases)("%s, sentences %i–%i", (slug, first, last, expected) => {
    const citation = citing(builtInSource(slug), first, last, "pl");

    it.each(Object.entries(expected))("%s", (style, text) => {
      expect(formatCitation(citation, style as CitationStyle, "pl")).toBe(text);
    });
  });
});

describe("formatCitation of a primary text", () => {
  // A document's own words: its issuer is the author and its date is given. The issuer is free text,
  // so it is printed as written (a literal name: never inverted or shortened to a surname).
  const kuty: CitedSource = { ...builtInSource("kuty-directive"), kind: "primary", editionNumber: 2 };
  const pact: CitedSource = { ...builtInSource("pact-summary"), kind: "translation" };

  it.each<[CitationStyle, string]>([
    [
      "chicago-note",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief, “Dyrektywa z Kut” [The Kuty Directive], September 17, 1939, Glossa, edition 2, sentences 3–4, accessed November 20, 2026, https://glossa.example.edu/en/sources/kuty-directive/3.",
    ],
    [
      "chicago-short-note",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief, “Dyrektywa z Kut,” sentences 3–4.",
    ],
    [
      "chicago-bibliography",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief. “Dyrektywa z Kut” [The Kuty Directive]. September 17, 1939. Glossa, edition 2. Accessed November 20, 2026. https://glossa.example.edu/en/sources/kuty-directive/3.",
    ],
    [
      "mla",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief. “Dyrektywa z Kut” [The Kuty Directive]. 17 Sept. 1939. Glossa, edition 2, https://glossa.example.edu/en/sources/kuty-directive/3. Accessed 20 Nov. 2026.",
    ],
    ["mla-in-text", "(Marshal Edward Rydz-Śmigły, Commander-in-Chief, sentences 3–4)"],
    [
      "apa",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief. (1939, September 17). Dyrektywa z Kut [The Kuty Directive] (edition 2). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive/3",
    ],
    ["apa-in-text", "(Marshal Edward Rydz-Śmigły, Commander-in-Chief, 1939, sentences 3–4)"],
  ])("%s in English", (style, expected) => {
    expect(formatCitation(citing(kuty, 3, 4), style, "en")).toBe(expected);
  });

  it.each<[CitationStyle, string]>([
    [
      "chicago-note",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz, „Dyrektywa z Kut”, 17 września 1939, Glossa, wydanie 2, zd. 3, dostęp 20 listopada 2026, https://glossa.example.edu/pl/sources/kuty-directive/3.",
    ],
    [
      "chicago-bibliography",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz. „Dyrektywa z Kut”. 17 września 1939. Glossa, wydanie 2. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/kuty-directive/3.",
    ],
    [
      "mla",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz. „Dyrektywa z Kut”. 17 września 1939. Glossa, wydanie 2, https://glossa.example.edu/pl/sources/kuty-directive/3. Dostęp 20 listopada 2026.",
    ],
    [
      // APA's "(1939, September 17)" in Polish order: year, then day and month.
      "apa",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz. (1939, 17 września). Dyrektywa z Kut (wydanie 2). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/kuty-directive/3",
    ],
    ["apa-in-text", "(Marszałek Edward Rydz-Śmigły, Naczelny Wódz, 1939, zd. 3)"],
  ])("%s in Polish", (style, expected) => {
    expect(formatCitation(citing(kuty, 3, 3, "pl"), style, "pl")).toBe(expected);
  });

  it.each<[CitationStyle, Locale, string]>([
    [
      "chicago-note",
      "en",
      "Joachim von Ribbentrop and Vyacheslav Molotov, “Pakt o nieagresji (streszczenie)” [The Non-Aggression Pact (summary)], August 23, 1939, Glossa, edition 1, sentence 2, accessed November 20, 2026, https://glossa.example.edu/en/sources/pact-summary/2.",
    ],
    ["mla-in-text", "en", "(Joachim von Ribbentrop and Vyacheslav Molotov, sentence 2)"],
    ["apa-in-text", "en", "(Joachim von Ribbentrop & Vyacheslav Molotov, 1939, sentence 2)"],
    ["mla-in-text", "pl", "(Joachim von Ribbentrop i Wiaczesław Mołotow, zd. 2)"],
  ])("names each of several issuers: %s in %s", (style, locale, expected) => {
    expect(formatCitation(citing(pact, 2, 2, locale), style, locale)).toBe(expected);
  });
});

describe("formatCitation as HTML", () => {
  const kuty = builtInSource("kuty-directive");

  it.each<[CitationStyle, string]>([
    [
      "mla",
      "“Dyrektywa z Kut” [The Kuty Directive]. <i>Glossa</i>, edition 1, https://glossa.example.edu/en/sources/kuty-directive/3. Accessed 20 Nov. 2026.",
    ],
    [
      "apa",
      "<i>Dyrektywa z Kut</i> [The Kuty Directive] (edition 1). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive/3",
    ],
    ["apa-in-text", "(<i>Dyrektywa z Kut</i>, n.d., sentence 3)"],
    ["chicago-short-note", "“Dyrektywa z Kut,” sentence 3."],
  ])("italicizes what %s italicizes, and returns a fragment without the entry's <div>", (style, expected) => {
    expect(formatCitation(citing(kuty, 3, 3), style, "en", "html")).toBe(expected);
  });

  it("escapes markup in the metadata, except citeproc-js's own rich-text tags", () => {
    const source: CitedSource = {
      ...kuty,
      kind: "primary",
      title: { pl: "Dyrektywa <script>alert(1)</script>", en: "The <img src=x onerror=alert(1)> Directive" },
      issuer: { pl: "Rząd", en: 'Government <b onclick="x()">of</b> <i>Poland</i> & Sejm' },
    };
    expect(formatCitation(citing(source, 1, 1), "apa", "en", "html")).toBe(
      'Government &#60;b onclick="x()"&#62;of&#60;/b&#62; <i>Poland</i> &#38; Sejm. (1939, September 17). <i>Dyrektywa &#60;script&#62;alert(1)&#60;/script&#62;</i> [The &#60;img src=x onerror=alert(1)&#62; Directive] (edition 1). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive/1',
    );
  });
});

describe("formatLocator", () => {
  const cases: [first: number, last: number, locale: Locale, expected: string][] = [
    [3, 3, "en", "sentence 3"],
    [3, 4, "en", "sentences 3–4"],
    [1, 12, "en", "sentences 1–12"],
    [3, 3, "pl", "zd. 3"],
    [3, 4, "pl", "zd. 3–4"],
  ];

  it.each(cases)("writes %i to %i in %s as %j", (first, last, locale, expected) => {
    expect(formatLocator(first, last, locale)).toBe(expected);
  });

  const mistakes: [name: string, first: number, last: number][] = [
    ["a last sentence before the first", 4, 3],
    ["sentence zero", 0, 1],
    ["a negative sentence", -1, 2],
    ["a fraction", 1.5, 2],
    ["NaN", Number.NaN, 2],
    ["infinity", 1, Number.POSITIVE_INFINITY],
  ];

  it.each(mistakes)("refuses %s", (_name, first, last) => {
    expect(() => formatLocator(first, last, "en")).toThrow(RangeError);
  });
});

describe("toCslItem", () => {
  it("describes a summary as an undated Glossa web page without an author, titled in its own language", () => {
    expect(toCslItem(citing(builtInSource("kuty-directive"), 3, 4), "en")).toEqual({
      id: "kuty-directive",
      "citation-key": "kuty_directive",
      type: "webpage",
      title: "Dyrektywa z Kut",
      language: "pl",
      publisher: "Glossa",
      edition: "1",
      URL: "https://glossa.example.edu/en/sources/kuty-directive/3",
      accessed: { "date-parts": [[2026, 11, 20]] },
    });
  });

  it("gives a primary text its issuers, in the interface language, and the document's date", () => {
    const pact: CitedSource = { ...builtInSource("pact-summary"), kind: "primary" };
    const item = toCslItem(citing(pact, 1, 1), "pl");
    expect(item.author).toEqual([{ literal: "Joachim von Ribbentrop" }, { literal: "Wiaczesław Mołotow" }]);
    expect(item.issued).toEqual({ "date-parts": [[1939, 8, 23]] });
    expect(item.title).toBe("Pakt o nieagresji (streszczenie)");
  });

  it("titles a source in a third language in the interface language, with no translation beside it", () => {
    const source: CitedSource = { ...builtInSource("soviet-note"), language: "ru" };
    expect(toCslItem(citing(source, 1, 1), "en").title).toBe("The Soviet Note of 17 September 1939");
    expect(formatCitation(citing(source, 1, 1), "mla-in-text", "en")).toBe(
      "(“The Soviet Note of 17 September 1939,” sentence 1)",
    );
  });

  it("titles an English source in English, with the Polish title in brackets for a Polish reader", () => {
    const source: CitedSource = { ...builtInSource("soviet-note"), language: "en" };
    expect(formatCitation(citing(source, 1, 1, "pl"), "chicago-note", "pl")).toBe(
      "„The Soviet Note of 17 September 1939” [Nota ZSRR z 17 września 1939], Glossa, wydanie 1, zd. 1, dostęp 20 listopada 2026, https://glossa.example.edu/pl/sources/soviet-note/1.",
    );
  });

  it.each([
    ["an access date that is not YYYY-MM-DD", { accessed: "20.11.2026" }],
    ["an access date that is not a calendar date", { accessed: "2026-02-30" }],
  ])("refuses %s", (_name, change) => {
    expect(() => toCslItem({ ...citing(builtInSource("kuty-directive"), 1, 1), ...change }, "en")).toThrow(
      RangeError,
    );
  });
});

describe("formatQuotedCitation", () => {
  const kuty = builtInSource("kuty-directive");
  // Sentence 2 of the Kuty text, which quotes the directive with straight quotation marks.
  const quote =
    '"Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów.\n Miasta do których podejdą bolszewicy, powinny z nimi pertraktować" - pisał Rydz-Śmigły.';
  const citation = (locale: Locale): SourceCitation => ({ ...citing(kuty, 2, 3, locale), quote });

  it.each<[Parameters<typeof formatQuotedCitation>[1], Locale, string]>([
    [
      "mla-in-text",
      "pl",
      "„»Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów. Miasta do których podejdą bolszewicy, powinny z nimi pertraktować« - pisał Rydz-Śmigły.” („Dyrektywa z Kut”, zd. 2–3)",
    ],
    [
      "apa-in-text",
      "en",
      "“‘Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów. Miasta do których podejdą bolszewicy, powinny z nimi pertraktować’ - pisał Rydz-Śmigły.” (Dyrektywa z Kut, n.d., sentences 2–3)",
    ],
    [
      "chicago-short-note",
      "en",
      "“‘Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów. Miasta do których podejdą bolszewicy, powinny z nimi pertraktować’ - pisał Rydz-Śmigły.” (“Dyrektywa z Kut,” sentences 2–3)",
    ],
    [
      "chicago-note",
      "pl",
      "„»Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów. Miasta do których podejdą bolszewicy, powinny z nimi pertraktować« - pisał Rydz-Śmigły.” („Dyrektywa z Kut”, Glossa, wydanie 1, zd. 2–3, dostęp 20 listopada 2026, https://glossa.example.edu/pl/sources/kuty-directive/2)",
    ],
  ])(
    "%s in %s: the locale's quotation marks, inner quotes turned, the note in parentheses",
    (style, locale, expected) => {
      expect(formatQuotedCitation(citation(locale), style, locale)).toBe(expected);
    },
  );

  const innerQuotes: [quote: string, locale: Locale, expected: string][] = [
    ['pertraktować" - pisał Rydz-Śmigły.', "pl", "„pertraktować« - pisał Rydz-Śmigły.”"],
    ['pisał: "Z bolszewikami', "pl", "„pisał: »Z bolszewikami”"],
    ["nazwał to „zdradą” i wyszedł", "pl", "„nazwał to »zdradą« i wyszedł”"],
    ["nazwał to „zdradą” i wyszedł", "en", "“nazwał to ‘zdradą’ i wyszedł”"],
    ["nazwał to „zdradą“ i wyszedł", "pl", "„nazwał to »zdradą« i wyszedł”"],
    ["called it “treason” and left", "en", "“called it ‘treason’ and left”"],
    ['("a") i "b"', "en", "“(‘a’) i ‘b’”"],
    ["nazwał to «zdradą»", "pl", "„nazwał to «zdradą»”"],
  ];

  it.each(innerQuotes)("turns the quotation marks of %j into inner ones in %s", (text, locale, expected) => {
    const quoted = { ...citing(kuty, 1, 1, locale), quote: text };
    expect(formatQuotedCitation(quoted, "mla-in-text", locale)).toBe(
      `${expected} ${formatCitation(quoted, "mla-in-text", locale)}`,
    );
  });

  it("keeps a final period that ends an abbreviation", () => {
    const dated = { ...citing(kuty, 1, 1, "pl"), quote: "wydał 17 września 1939 r." };
    expect(formatQuotedCitation(dated, "mla-in-text", "pl")).toBe(
      "„wydał 17 września 1939 r.” („Dyrektywa z Kut”, zd. 1)",
    );
  });

  it("escapes the quotation in HTML", () => {
    const marked = { ...citing(kuty, 1, 1), quote: "a <script> & b" };
    expect(formatQuotedCitation(marked, "apa-in-text", "en", "html")).toBe(
      "“a &#60;script&#62; &#38; b” (<i>Dyrektywa z Kut</i>, n.d., sentence 1)",
    );
  });

  it("refuses an empty quotation", () => {
    expect(() => formatQuotedCitation({ ...citing(kuty, 1, 1), quote: " \n " }, "mla-in-text", "en")).toThrow(
      RangeError,
    );
  });
});

describe("exportCitation", () => {
  const summary = citing(builtInSource("secret-protocol"), 2, 3);
  const primary = citing({ ...builtInSource("pact-summary"), kind: "primary" }, 1, 1);

  /** What a reference manager reads back from the exported text, through citation-js's own parsers. */
  function readBack(text: string): Record<string, unknown> {
    const [item] = new Cite(text).data;
    return item!;
  }

  it("writes a BibTeX entry keyed by the slug that reads back with the same title and date", () => {
    const bibtex = exportCitation(primary, "bibtex", "en");
    expect(bibtex).toMatch(/^@misc\{pact_summary,\n/u);
    const item = readBack(bibtex);
    expect(item.title).toBe("Pakt o nieagresji (streszczenie)");
    expect(item.issued).toEqual({ "date-parts": [[1939, 8, 23]] });
    expect(item.URL).toBe("https://glossa.example.edu/en/sources/pact-summary/1");
    expect(item.author).toEqual([{ family: "Joachim von Ribbentrop" }, { family: "Vyacheslav Molotov" }]);
  });

  it("writes a BibTeX entry without a date for a summary", () => {
    const item = readBack(exportCitation(summary, "bibtex", "en"));
    expect(item.title).toBe("Tajny protokół dodatkowy");
    expect(item.issued).toBeUndefined();
  });

  it.each([
    ["a primary text", primary, { "date-parts": [[1939, 8, 23]] }],
    ["a summary", summary, undefined],
  ])(
    "writes RIS for %s that reads back with the same title, date and access date",
    (_name, citation, issued) => {
      const ris = exportCitation(citation, "ris", "en");
      expect(ris).toMatch(/^TY {2}- ELEC\n/u);
      const item = readBack(ris);
      expect(item.title).toBe(citation.source.title.pl);
      expect(item.issued).toEqual(issued);
      expect(item.accessed).toEqual({ "date-parts": [[2026, 11, 20]] });
    },
  );

  it.each([
    ["a primary text", primary],
    ["a summary", summary],
  ])("writes CSL-JSON for %s: an array of the one item, read back unchanged", (_name, citation) => {
    const json = exportCitation(citation, "csl-json", "pl");
    const item = toCslItem(citation, "pl");
    expect(JSON.parse(json)).toEqual([item]);
    const { _graph, ...read } = readBack(json);
    expect(_graph).toBeDefined();
    expect(read).toEqual(item);
  });
});
