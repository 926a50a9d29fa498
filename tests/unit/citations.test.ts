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
  const metadata = SourceMetadataSchema.parse(parse(yaml));
  const { title, citation, kind, language, date, place, issuer, publication, licence } = metadata;
  return {
    slug,
    title,
    titleShort: citation.titleShort,
    titleEnSentenceStyle: citation.titleEnSentenceStyle,
    kind,
    language,
    date,
    place,
    issuer,
    publication,
    licence,
    editionNumber: 1,
  };
}

const ACCESSED = "2026-11-20";
const PERMALINK_ID = "Ab3dE5fG7h";

function citing(source: CitedSource, first: number, last: number, locale: Locale = "en"): SourceCitation {
  return {
    source,
    quote: "Pakt miał duże znaczenie dla obu państw.",
    firstSentence: first,
    lastSentence: last,
    url: `https://glossa.example.edu/${locale}/p/${PERMALINK_ID}`,
    permalinkId: PERMALINK_ID,
    sourceUrl: `https://glossa.example.edu/${locale}/sources/${source.slug}`,
    accessed: ACCESSED,
  };
}

type Expected = Record<CitationStyle, string>;

interface StyleCase {
  slug: string;
  locale: Locale;
  first: number;
  last: number;
  expected: Expected;
}

// Every style in both interface languages, for one sentence and for two. The built-in texts are
// summaries written for Glossa: no issuer as author and no 1939 date (they are not the documents'
// words), the Polish title with a bracketed description that says so ("[The Kuty directive: a modern
// summary]", sentence style in Chicago and APA, title style in MLA; "[omówienie]" in Polish), Glossa as
// the website, "1st ed." / "wyd. 1", an access date. Notes and in-text citations cite the passage's
// permalink, short forms use the short title ("Nota ZSRR"); reference-list entries cite the source's
// page. Checked by hand against the web-page rules of CMOS 17, MLA 9 and APA 7.
const EVERY_STYLE: StyleCase[] = [
  {
    slug: "kuty-directive",
    locale: "en",
    first: 3,
    last: 3,
    expected: {
      "chicago-note":
        "“Dyrektywa z Kut” [The Kuty directive: a modern summary], Glossa, 1st ed., sentence 3, accessed November 20, 2026, https://glossa.example.edu/en/p/Ab3dE5fG7h.",
      "chicago-short-note": "“Dyrektywa z Kut,” sentence 3.",
      "chicago-bibliography":
        "“Dyrektywa z Kut” [The Kuty directive: a modern summary]. Glossa, 1st ed. Accessed November 20, 2026. https://glossa.example.edu/en/sources/kuty-directive.",
      mla: "“Dyrektywa z Kut” [The Kuty Directive: A Modern Summary]. Glossa, 1st ed., https://glossa.example.edu/en/sources/kuty-directive. Accessed 20 Nov. 2026.",
      "mla-in-text": "(“Dyrektywa z Kut,” sentence 3)",
      apa: "Dyrektywa z Kut [The Kuty directive: a modern summary] (1st ed.). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive",
      "apa-in-text": "(Dyrektywa z Kut, n.d., sentence 3)",
    },
  },
  {
    slug: "kuty-directive",
    locale: "en",
    first: 4,
    last: 5,
    expected: {
      "chicago-note":
        "“Dyrektywa z Kut” [The Kuty directive: a modern summary], Glossa, 1st ed., sentences 4–5, accessed November 20, 2026, https://glossa.example.edu/en/p/Ab3dE5fG7h.",
      "chicago-short-note": "“Dyrektywa z Kut,” sentences 4–5.",
      "chicago-bibliography":
        "“Dyrektywa z Kut” [The Kuty directive: a modern summary]. Glossa, 1st ed. Accessed November 20, 2026. https://glossa.example.edu/en/sources/kuty-directive.",
      mla: "“Dyrektywa z Kut” [The Kuty Directive: A Modern Summary]. Glossa, 1st ed., https://glossa.example.edu/en/sources/kuty-directive. Accessed 20 Nov. 2026.",
      "mla-in-text": "(“Dyrektywa z Kut,” sentences 4–5)",
      apa: "Dyrektywa z Kut [The Kuty directive: a modern summary] (1st ed.). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive",
      "apa-in-text": "(Dyrektywa z Kut, n.d., sentences 4–5)",
    },
  },
  {
    slug: "kuty-directive",
    locale: "pl",
    first: 3,
    last: 3,
    expected: {
      "chicago-note":
        "„Dyrektywa z Kut” [omówienie], Glossa, wyd. 1, zd. 3, dostęp 20 listopada 2026, https://glossa.example.edu/pl/p/Ab3dE5fG7h.",
      "chicago-short-note": "„Dyrektywa z Kut”, zd. 3.",
      "chicago-bibliography":
        "„Dyrektywa z Kut” [omówienie]. Glossa, wyd. 1. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/kuty-directive.",
      mla: "„Dyrektywa z Kut” [omówienie]. Glossa, wyd. 1, https://glossa.example.edu/pl/sources/kuty-directive. Dostęp 20 listopada 2026.",
      "mla-in-text": "(„Dyrektywa z Kut”, zd. 3)",
      apa: "Dyrektywa z Kut [omówienie] (wyd. 1). (b.d.). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/kuty-directive",
      "apa-in-text": "(Dyrektywa z Kut, b.d., zd. 3)",
    },
  },
  {
    slug: "kuty-directive",
    locale: "pl",
    first: 4,
    last: 5,
    expected: {
      "chicago-note":
        "„Dyrektywa z Kut” [omówienie], Glossa, wyd. 1, zd. 4–5, dostęp 20 listopada 2026, https://glossa.example.edu/pl/p/Ab3dE5fG7h.",
      "chicago-short-note": "„Dyrektywa z Kut”, zd. 4–5.",
      "chicago-bibliography":
        "„Dyrektywa z Kut” [omówienie]. Glossa, wyd. 1. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/kuty-directive.",
      mla: "„Dyrektywa z Kut” [omówienie]. Glossa, wyd. 1, https://glossa.example.edu/pl/sources/kuty-directive. Dostęp 20 listopada 2026.",
      "mla-in-text": "(„Dyrektywa z Kut”, zd. 4–5)",
      apa: "Dyrektywa z Kut [omówienie] (wyd. 1). (b.d.). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/kuty-directive",
      "apa-in-text": "(Dyrektywa z Kut, b.d., zd. 4–5)",
    },
  },
  {
    slug: "soviet-note",
    locale: "en",
    first: 3,
    last: 3,
    expected: {
      "chicago-note":
        "“Nota ZSRR z 17 września 1939” [The Soviet note of 17 September 1939: a modern summary], Glossa, 1st ed., sentence 3, accessed November 20, 2026, https://glossa.example.edu/en/p/Ab3dE5fG7h.",
      "chicago-short-note": "“Nota ZSRR,” sentence 3.",
      "chicago-bibliography":
        "“Nota ZSRR z 17 września 1939” [The Soviet note of 17 September 1939: a modern summary]. Glossa, 1st ed. Accessed November 20, 2026. https://glossa.example.edu/en/sources/soviet-note.",
      mla: "“Nota ZSRR z 17 września 1939” [The Soviet Note of 17 September 1939: A Modern Summary]. Glossa, 1st ed., https://glossa.example.edu/en/sources/soviet-note. Accessed 20 Nov. 2026.",
      "mla-in-text": "(“Nota ZSRR,” sentence 3)",
      apa: "Nota ZSRR z 17 września 1939 [The Soviet note of 17 September 1939: a modern summary] (1st ed.). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/soviet-note",
      "apa-in-text": "(Nota ZSRR, n.d., sentence 3)",
    },
  },
  {
    slug: "soviet-note",
    locale: "en",
    first: 4,
    last: 5,
    expected: {
      "chicago-note":
        "“Nota ZSRR z 17 września 1939” [The Soviet note of 17 September 1939: a modern summary], Glossa, 1st ed., sentences 4–5, accessed November 20, 2026, https://glossa.example.edu/en/p/Ab3dE5fG7h.",
      "chicago-short-note": "“Nota ZSRR,” sentences 4–5.",
      "chicago-bibliography":
        "“Nota ZSRR z 17 września 1939” [The Soviet note of 17 September 1939: a modern summary]. Glossa, 1st ed. Accessed November 20, 2026. https://glossa.example.edu/en/sources/soviet-note.",
      mla: "“Nota ZSRR z 17 września 1939” [The Soviet Note of 17 September 1939: A Modern Summary]. Glossa, 1st ed., https://glossa.example.edu/en/sources/soviet-note. Accessed 20 Nov. 2026.",
      "mla-in-text": "(“Nota ZSRR,” sentences 4–5)",
      apa: "Nota ZSRR z 17 września 1939 [The Soviet note of 17 September 1939: a modern summary] (1st ed.). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/soviet-note",
      "apa-in-text": "(Nota ZSRR, n.d., sentences 4–5)",
    },
  },
  {
    slug: "soviet-note",
    locale: "pl",
    first: 3,
    last: 3,
    expected: {
      "chicago-note":
        "„Nota ZSRR z 17 września 1939” [omówienie], Glossa, wyd. 1, zd. 3, dostęp 20 listopada 2026, https://glossa.example.edu/pl/p/Ab3dE5fG7h.",
      "chicago-short-note": "„Nota ZSRR”, zd. 3.",
      "chicago-bibliography":
        "„Nota ZSRR z 17 września 1939” [omówienie]. Glossa, wyd. 1. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/soviet-note.",
      mla: "„Nota ZSRR z 17 września 1939” [omówienie]. Glossa, wyd. 1, https://glossa.example.edu/pl/sources/soviet-note. Dostęp 20 listopada 2026.",
      "mla-in-text": "(„Nota ZSRR”, zd. 3)",
      apa: "Nota ZSRR z 17 września 1939 [omówienie] (wyd. 1). (b.d.). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/soviet-note",
      "apa-in-text": "(Nota ZSRR, b.d., zd. 3)",
    },
  },
  {
    slug: "soviet-note",
    locale: "pl",
    first: 4,
    last: 5,
    expected: {
      "chicago-note":
        "„Nota ZSRR z 17 września 1939” [omówienie], Glossa, wyd. 1, zd. 4–5, dostęp 20 listopada 2026, https://glossa.example.edu/pl/p/Ab3dE5fG7h.",
      "chicago-short-note": "„Nota ZSRR”, zd. 4–5.",
      "chicago-bibliography":
        "„Nota ZSRR z 17 września 1939” [omówienie]. Glossa, wyd. 1. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/soviet-note.",
      mla: "„Nota ZSRR z 17 września 1939” [omówienie]. Glossa, wyd. 1, https://glossa.example.edu/pl/sources/soviet-note. Dostęp 20 listopada 2026.",
      "mla-in-text": "(„Nota ZSRR”, zd. 4–5)",
      apa: "Nota ZSRR z 17 września 1939 [omówienie] (wyd. 1). (b.d.). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/soviet-note",
      "apa-in-text": "(Nota ZSRR, b.d., zd. 4–5)",
    },
  },
];

describe("formatCitation of the built-in summaries, every style", () => {
  describe.each(EVERY_STYLE)(
    "$slug in $locale, sentences $first–$last",
    ({ slug, locale, first, last, expected }) => {
      const citation = citing(builtInSource(slug), first, last, locale);

      it.each(Object.entries(expected))("%s", (style, text) => {
        expect(formatCitation(citation, style as CitationStyle, locale)).toBe(text);
      });
    },
  );

  it.each(["kuty-directive", "moscicki-address", "pact-summary", "secret-protocol", "soviet-note"])(
    "says that %s is a modern summary in every style's full form, in both languages",
    (slug) => {
      const source = builtInSource(slug);
      for (const style of ["chicago-note", "chicago-bibliography", "apa"] as const) {
        expect(formatCitation(citing(source, 1, 1), style, "en")).toContain(": a modern summary]");
        expect(formatCitation(citing(source, 1, 1, "pl"), style, "pl")).toContain(" [omówienie]");
      }
      expect(formatCitation(citing(source, 1, 1), "mla", "en")).toContain(": A Modern Summary]");
    },
  );
});

describe("formatCitation of a primary text", () => {
  // A document's own words: its issuer is the author and its date is given. The issuer is free text,
  // so it is printed as written (a literal name: never inverted or shortened to a surname).
  const kuty: CitedSource = { ...builtInSource("kuty-directive"), kind: "primary", editionNumber: 2 };
  const pact: CitedSource = { ...builtInSource("pact-summary"), kind: "translation" };

  it.each<[CitationStyle, string]>([
    [
      "chicago-note",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief, “Dyrektywa z Kut” [The Kuty directive], September 17, 1939, Glossa, 2nd ed., sentences 3–4, accessed November 20, 2026, https://glossa.example.edu/en/p/Ab3dE5fG7h.",
    ],
    [
      "chicago-short-note",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief, “Dyrektywa z Kut,” sentences 3–4.",
    ],
    [
      "chicago-bibliography",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief. “Dyrektywa z Kut” [The Kuty directive]. September 17, 1939. Glossa, 2nd ed. Accessed November 20, 2026. https://glossa.example.edu/en/sources/kuty-directive.",
    ],
    [
      "mla",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief. “Dyrektywa z Kut” [The Kuty Directive]. 17 Sept. 1939. Glossa, 2nd ed., https://glossa.example.edu/en/sources/kuty-directive. Accessed 20 Nov. 2026.",
    ],
    ["mla-in-text", "(Marshal Edward Rydz-Śmigły, Commander-in-Chief, sentences 3–4)"],
    [
      "apa",
      "Marshal Edward Rydz-Śmigły, Commander-in-Chief. (1939, September 17). Dyrektywa z Kut [The Kuty directive] (2nd ed.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive",
    ],
    ["apa-in-text", "(Marshal Edward Rydz-Śmigły, Commander-in-Chief, 1939, sentences 3–4)"],
  ])("%s in English", (style, expected) => {
    expect(formatCitation(citing(kuty, 3, 4), style, "en")).toBe(expected);
  });

  it.each<[CitationStyle, string]>([
    [
      "chicago-note",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz, „Dyrektywa z Kut”, 17 września 1939, Glossa, wyd. 2, zd. 3, dostęp 20 listopada 2026, https://glossa.example.edu/pl/p/Ab3dE5fG7h.",
    ],
    [
      "chicago-bibliography",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz. „Dyrektywa z Kut”. 17 września 1939. Glossa, wyd. 2. Dostęp 20 listopada 2026. https://glossa.example.edu/pl/sources/kuty-directive.",
    ],
    [
      "mla",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz. „Dyrektywa z Kut”. 17 września 1939. Glossa, wyd. 2, https://glossa.example.edu/pl/sources/kuty-directive. Dostęp 20 listopada 2026.",
    ],
    [
      // APA's "(1939, September 17)" in Polish order: year, then day and month.
      "apa",
      "Marszałek Edward Rydz-Śmigły, Naczelny Wódz. (1939, 17 września). Dyrektywa z Kut (wyd. 2). Glossa. Pobrano 20 listopada 2026 z https://glossa.example.edu/pl/sources/kuty-directive",
    ],
    ["apa-in-text", "(Marszałek Edward Rydz-Śmigły, Naczelny Wódz, 1939, zd. 3)"],
  ])("%s in Polish", (style, expected) => {
    expect(formatCitation(citing(kuty, 3, 3, "pl"), style, "pl")).toBe(expected);
  });

  it.each<[CitationStyle, Locale, string]>([
    [
      "chicago-note",
      "en",
      "Joachim von Ribbentrop and Vyacheslav Molotov, “Pakt o nieagresji (streszczenie)” [The Non-Aggression Pact (summary)], August 23, 1939, Glossa, 1st ed., sentence 2, accessed November 20, 2026, https://glossa.example.edu/en/p/Ab3dE5fG7h.",
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
      "“Dyrektywa z Kut” [The Kuty Directive: A Modern Summary]. <i>Glossa</i>, 1st ed., https://glossa.example.edu/en/sources/kuty-directive. Accessed 20 Nov. 2026.",
    ],
    [
      "apa",
      "<i>Dyrektywa z Kut</i> [The Kuty directive: a modern summary] (1st ed.). (n.d.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive",
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
      titleEnSentenceStyle: "The <img src=x onerror=alert(1)> directive",
      issuer: { pl: "Rząd", en: 'Government <b onclick="x()">of</b> <i>Poland</i> & Sejm' },
    };
    expect(formatCitation(citing(source, 1, 1), "apa", "en", "html")).toBe(
      'Government &#60;b onclick="x()"&#62;of&#60;/b&#62; <i>Poland</i> &#38; Sejm. (1939, September 17). <i>Dyrektywa &#60;script&#62;alert(1)&#60;/script&#62;</i> [The &#60;img src=x onerror=alert(1)&#62; directive] (1st ed.). Glossa. Retrieved November 20, 2026, from https://glossa.example.edu/en/sources/kuty-directive',
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
  it("describes a summary as an undated Glossa web page without an author, titled in its own language, that says it is a summary", () => {
    expect(toCslItem(citing(builtInSource("kuty-directive"), 3, 4), "en")).toEqual({
      id: "kuty_directive_ed1_Ab3dE5fG7h",
      "citation-key": "kuty_directive_ed1_Ab3dE5fG7h",
      type: "webpage",
      title: "Dyrektywa z Kut",
      "title-short": "Dyrektywa z Kut",
      "container-title": "Glossa",
      genre: "A modern summary",
      note: "A modern summary of the document, written for Glossa: not the document’s own words. Title in translation: The Kuty Directive.",
      language: "pl",
      edition: "1",
      URL: "https://glossa.example.edu/en/p/Ab3dE5fG7h",
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
    expect(formatCitation(citing(source, 1, 1), "mla-in-text", "en")).toBe("(“Soviet Note,” sentence 1)");
  });

  it("titles an English source in English, with the Polish title in brackets for a Polish reader", () => {
    const source: CitedSource = { ...builtInSource("soviet-note"), language: "en" };
    expect(formatCitation(citing(source, 1, 1, "pl"), "chicago-note", "pl")).toBe(
      "„The Soviet Note of 17 September 1939” [Nota ZSRR z 17 września 1939: omówienie], Glossa, wyd. 1, zd. 1, dostęp 20 listopada 2026, https://glossa.example.edu/pl/p/Ab3dE5fG7h.",
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
      "„»Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów. Miasta do których podejdą bolszewicy, powinny z nimi pertraktować« - pisał Rydz-Śmigły.” („Dyrektywa z Kut” [omówienie], Glossa, wyd. 1, zd. 2–3, dostęp 20 listopada 2026, https://glossa.example.edu/pl/p/Ab3dE5fG7h)",
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

  /** What citation-js reads back from the exported text, through its own parsers. */
  function readBack(text: string): Record<string, unknown> {
    const [item] = new Cite(text).data;
    return item!;
  }

  // What Zotero's importers make of each file (its translators "BibTeX", "RIS" and "CSL JSON"):
  // the Zotero field each exported field lands in. Written out so a change of export is a change here.
  const ZOTERO_BIBTEX: Record<string, string> = {
    "@online": "itemType webpage",
    title: "title",
    shorttitle: "shortTitle",
    booktitle: "websiteTitle",
    url: "url",
    urldate: "accessDate",
    language: "language",
    note: "extra",
  };
  const ZOTERO_RIS: Record<string, string> = {
    "TY  - ELEC": "itemType webpage",
    TI: "title",
    ST: "shortTitle",
    T2: "websiteTitle",
    UR: "url",
    Y2: "accessDate",
    LA: "language",
    N1: "notes",
  };

  it("writes a biblatex @online entry with a key unique per passage, urldate and language, read back by citation-js", () => {
    const bibtex = exportCitation(summary, "bibtex", "en");
    expect(bibtex).toMatch(/^@online\{secret_protocol_ed1_Ab3dE5fG7h,\n/u);
    for (const field of Object.keys(ZOTERO_BIBTEX).filter((name) => !name.startsWith("@"))) {
      expect(bibtex).toMatch(new RegExp(`\\n\\t${field} = \\{`, "u"));
    }
    expect(bibtex).toContain("\turldate = {2026-11-20},\n");
    expect(bibtex).toContain("\tlanguage = {pl},\n");
    expect(bibtex).toContain("\tbooktitle = {Glossa},\n");
    const item = readBack(bibtex);
    expect(item.type).toBe("webpage");
    expect(item.title).toBe("Tajny protokół dodatkowy");
    expect(item["title-short"]).toBe("Tajny protokół dodatkowy");
    expect(item["container-title"]).toBe("Glossa");
    expect(item.accessed).toEqual({ "date-parts": [[2026, 11, 20]] });
    expect(item.language).toBe("pl");
    expect(item.URL).toBe("https://glossa.example.edu/en/p/Ab3dE5fG7h");
    expect(item.note).toBe(
      "A modern summary of the document, written for Glossa: not the document’s own words. Title in translation: The Secret Additional Protocol.",
    );
    expect(item.issued).toBeUndefined();
  });

  it("keys two passages of one source apart in BibTeX", () => {
    const other = { ...summary, permalinkId: "Zz9yY8xX7w" };
    expect(readBack(exportCitation(other, "bibtex", "en"))["citation-key"]).toBe(
      "secret_protocol_ed1_Zz9yY8xX7w",
    );
  });

  it("gives a primary text its issuers and date in BibTeX", () => {
    const item = readBack(exportCitation(primary, "bibtex", "en"));
    expect(item.issued).toEqual({ "date-parts": [[1939, 8, 23]] });
    expect(item.author).toEqual([{ family: "Joachim von Ribbentrop" }, { family: "Vyacheslav Molotov" }]);
  });

  it("writes RIS with the site in T2 and a zero-padded access date in Y2, every value on its own tagged line", () => {
    const ris = exportCitation(summary, "ris", "pl");
    const lines = ris.split("\n");
    expect(lines[0]).toBe("TY  - ELEC");
    expect(lines).toContain("T2  - Glossa");
    expect(lines).toContain("Y2  - 2026/11/20/");
    expect(lines).toContain("LA  - pl");
    expect(lines).toContain("ST  - Tajny protokół dodatkowy");
    expect(lines).toContain(
      "N1  - Współczesne omówienie dokumentu napisane dla Glossy, nie słowa samego dokumentu. Tytuł w przekładzie: The Secret Additional Protocol.",
    );
    expect(lines.at(-1)).toBe("ER  - ");
    for (const line of lines) expect(line).toMatch(/^[A-Z][A-Z0-9] {2}- /u);
    for (const tag of Object.keys(ZOTERO_RIS)) expect(ris).toMatch(new RegExp(`^${tag}`, "mu"));
    expect(ris).not.toMatch(/^M1 /mu);
    const item = readBack(ris);
    expect(item.type).toBe("webpage");
    expect(item.title).toBe("Tajny protokół dodatkowy");
    expect(item["title-short"]).toBe("Tajny protokół dodatkowy");
    expect(item.language).toBe("pl");
    expect(item.URL).toBe("https://glossa.example.edu/en/p/Ab3dE5fG7h");
  });

  it("writes the date of a primary text in RIS", () => {
    expect(readBack(exportCitation(primary, "ris", "en")).issued).toEqual({ "date-parts": [[1939, 8, 23]] });
  });

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
    // Zotero's CSL JSON importer: title, shortTitle, websiteTitle, language, accessDate, url, extra.
    for (const field of ["title", "title-short", "container-title", "language", "accessed", "URL", "note"]) {
      expect(read).toHaveProperty([field]);
    }
  });
});
