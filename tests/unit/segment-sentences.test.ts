import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { segmentSentences, type SentenceRange } from "@/lib/sources/segment-sentences";

const sourcesDir = new URL("../../sources/", import.meta.url);

/** A built-in source's Polish text as shipped, without the file's one trailing newline. */
function sourceText(slug: string): string {
  const file = readFileSync(new URL(`${slug}/text.pl.txt`, sourcesDir), "utf8");
  return file.endsWith("\n") ? file.slice(0, -1) : file;
}

function sentencesOf(text: string): string[] {
  return segmentSentences(text).map((range) => text.slice(range.start, range.end));
}

/** Checks the contract every result must keep, whatever the text. */
function expectWellFormedRanges(text: string, ranges: SentenceRange[]): void {
  let previousEnd = 0;
  for (const range of ranges) {
    expect(range.start).toBeGreaterThanOrEqual(previousEnd);
    expect(range.end).toBeGreaterThan(range.start);
    expect(range.end).toBeLessThanOrEqual(text.length);
    const sentence = text.slice(range.start, range.end);
    expect(sentence).toBe(sentence.trim());
    // Only white space lies between two sentences.
    expect(text.slice(previousEnd, range.start).trim()).toBe("");
    previousEnd = range.end;
  }
  expect(text.slice(previousEnd).trim()).toBe("");
}

/**
 * The segmentation of the built-in sources, pinned sentence by sentence: users cite these numbers
 * ("sentence 3 of the Kuty directive"), so a change here changes every citation. Each was read and is a
 * whole Polish sentence; abbreviations (godz., tzw., ok., tys.) and the quotation in the Kuty directive
 * stay inside their sentences.
 */
const BUILT_IN_SENTENCES: Record<string, string[]> = {
  "pact-summary": [
    "23 sierpnia 1939 roku minister spraw zagranicznych III Rzeszy, Joachim von Ribbentrop i ludowy komisarz spraw zagranicznych ZSRR, Wiaczesław Mołotow podpisali pakt o nieagresji z dołączonym tajnym protokołem, dokonującym podziału stref wpływów Niemiec i ZSRR.",
    "Pakt miał duże znaczenie dla obu państw.",
    "Niemcom zabezpieczał front wschodni podczas planowanej wojny i ataku na Polskę.",
    "ZSRR dawał czas na przygotowanie do ewentualnej konfrontacji z Hitlerem i powiększał terytorium.",
  ],
  "secret-protocol": [
    "W myśl paktu kraje bałtyckie: Estonia, Łotwa i Finlandia stały się strefą wpływów i przyszłym terytorium ZSRR, a północna granica Litwy (z Łotwą) stanowić miała granicę pomiędzy strefami zainteresowań Niemiec i ZSRR.",
    "Na obszarze Polski strefa ta przebiegała wzdłuż linii Narwi, Wisły i Sanu.",
    "Na mocy tajnego załącznika do paktu Ribbentrop-Mołotow, ZSRR zobowiązał się do zbrojnego wystąpienia przeciw Polsce w przypadku wojny niemiecko- polskiej.",
    "Po roku 1945 zarówno ZSRR, jak i władze PRL zaprzeczały istnieniu tego załącznika aż do roku 1989.",
  ],
  "soviet-note": [
    "Oficjalny pretekst agresji ZSRR na Polskę zawarto w nocie dyplomatycznej przekazanej o godz. 3 w nocy 17 września 1939 roku przez zastępcę ludowego komisarza spraw zagranicznych Władimira Potiomkina ambasadorowi RP w ZSRR Wacławowi Grzybowskiemu.",
    "Zamieszczono tam oświadczenie o rozpadzie państwa i ucieczce rządu polskiego, konieczności ochrony mienia i życia zamieszkujących wschodnie tereny polskie Ukraińców i Białorusinów oraz uwalnianiu ludu polskiego od wojny.",
    "ZSRR uznawał również wszystkie układy z Polską za nieobowiązujące, jako zawarte z nieistniejącym państwem.",
    "Potiomkin przedstawił notę ambasadorowi już w chwili rozpoczęcia działań wojennych.",
    "Grzybowski odmówił jej przyjęcia i zażądał wiz wyjazdowych dla dyplomatów polskich.",
    "Władze ZSRR, wbrew prawu międzynarodowemu, próbowały uniemożliwić wyjazd i aresztować dyplomatów, stwierdzając utratę statusu dyplomatycznego.",
    "Polaków uratował dziekan korpusu dyplomatycznego w Moskwie, ambasador Rzeszy Friedrich Werner von der Schulenburg osobiście wymuszając na rządzie ZSRR zgodę na ich wyjazd.",
  ],
  "moscicki-address": [
    "Rząd II Rzeczypospolitej opuścił granice Polski późnym wieczorem 17 września, po otrzymaniu wiadomości o wkroczeniu Armii Czerwonej i potwierdzeniu informacji o zbliżaniu się sowieckich oddziałów pancernych do miejsca przebywania władz RP.",
    "Prezydent Ignacy Mościcki w wydanym w Kosowie orędziu do narodu określił sowieckie działania wojskowe jako akt agresji.",
    "Także z punktu widzenia prawa międzynarodowego wejście Armii Czerwonej stanowiło agresję, łamiącą postanowienia polsko- sowieckiego układu o nieagresji oraz obowiązującą Polskę i ZSRR konwencję z 1933 roku o określeniu napaści.",
  ],
  "kuty-directive": [
    "Marszałek Edward Rydz- Śmigły wydał 17 września w Kutach tzw. dyrektywę ogólną, w której nakazał wycofanie do Rumunii i Węgier.",
    '"Z bolszewikami nie walczyć, chyba w razie natarcia z ich strony lub próby rozbrojenia oddziałów. Miasta do których podejdą bolszewicy, powinny z nimi pertraktować w sprawie wyjścia garnizonów do Węgier lub Rumunii" - pisał Rydz-Śmigły.',
    "Brak formalnego ogłoszenia przez władze RP wojny pomiędzy ZSRR a Polską oraz brak jednoznacznego rozkazu stawiania oporu najeźdźcy doprowadził do dezorientacji wojska, a w konsekwencji do uwięzienia ok. 250 tys. żołnierzy i oficerów, w większości niestawiających oporu.",
    "Do niewoli trafiło ok. 15 tys. oficerów, którzy zostali wywiezieni przez Sowietów do obozów w Kozielsku, Starobielsku i Ostaszkowie.",
    "Zgodnie z dekretem władz ZSRR, podpisanym przez Stalina 5 marca 1940 roku, zostali oni od kwietnia do maja 1940 roku rozstrzelani przez NKWD w Katyniu, Charkowie oraz Twerze, a pochowani w Miednoje.",
    "Ten masowy mord nosi dziś nazwę Zbrodni Katyńskiej.",
  ],
};

const builtInSlugs = readdirSync(sourcesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("segmentSentences on the built-in sources", () => {
  it("has a pinned segmentation for every built-in source, and no other", () => {
    expect(builtInSlugs).toEqual(Object.keys(BUILT_IN_SENTENCES).sort());
  });

  it.each(Object.entries(BUILT_IN_SENTENCES))("splits %s into its pinned sentences", (slug, expected) => {
    const text = sourceText(slug);
    expect(sentencesOf(text)).toEqual(expected);
    expectWellFormedRanges(text, segmentSentences(text));
  });

  it.each(Object.keys(BUILT_IN_SENTENCES))(
    "gives %s the same ranges with or without the file's trailing newline",
    (slug) => {
      const text = sourceText(slug);
      expect(segmentSentences(`${text}\n`)).toEqual(segmentSentences(text));
    },
  );

  it("keeps the abbreviations of the corpus inside their sentences", () => {
    const all = Object.values(BUILT_IN_SENTENCES).flat();
    for (const phrase of [
      "o godz. 3 w nocy",
      "tzw. dyrektywę",
      "ok. 250 tys. żołnierzy",
      "ok. 15 tys. oficerów",
    ]) {
      expect(all.filter((sentence) => sentence.includes(phrase))).toHaveLength(1);
    }
  });

  it.each(builtInSlugs)("aligns the English translation of %s line for line with the sentences", (slug) => {
    const file = readFileSync(new URL(`${slug}/translation.en.txt`, sourcesDir), "utf8");
    const lines = file.replace(/\n$/, "").split("\n");
    expect(lines.every((line) => line.trim().length > 0)).toBe(true);
    expect(lines).toHaveLength(segmentSentences(sourceText(slug)).length);
  });
});

describe("segmentSentences on edge cases", () => {
  const cases: { name: string; text: string; sentences: string[] }[] = [
    { name: "empty text", text: "", sentences: [] },
    { name: "white space only", text: " \n\t ", sentences: [] },
    { name: "text without a terminator", text: "Pakt o nieagresji", sentences: ["Pakt o nieagresji"] },
    {
      name: "trailing and leading white space",
      text: "  Pakt podpisano.  Protokół był tajny. \n\n",
      sentences: ["Pakt podpisano.", "Protokół był tajny."],
    },
    {
      name: "a capital initial",
      text: "J. Stalin podpisał. Potem wyjechał.",
      sentences: ["J. Stalin podpisał.", "Potem wyjechał."],
    },
    {
      name: "several capital initials",
      text: "Książkę napisał J.R.R. Tolkien. Potem drugą.",
      sentences: ["Książkę napisał J.R.R. Tolkien.", "Potem drugą."],
    },
    {
      name: "a known abbreviation followed by a lower-case word",
      text: "Wydał tzw. dyrektywę ogólną. Potem wyjechał.",
      sentences: ["Wydał tzw. dyrektywę ogólną.", "Potem wyjechał."],
    },
    {
      name: "a known abbreviation followed by a capitalised name",
      text: "Przyjechał gen. Anders. Potem odjechał.",
      sentences: ["Przyjechał gen. Anders.", "Potem odjechał."],
    },
    {
      name: "an abbreviation ending a sentence, then lower case: no break",
      text: "Wymienił Estonię, Łotwę itd. i na tym skończył. Potem wyszedł.",
      sentences: ["Wymienił Estonię, Łotwę itd. i na tym skończył.", "Potem wyszedł."],
    },
    {
      name: "an abbreviation outside the list ending a sentence, then upper case: a break",
      text: "Wymienił Estonię, Łotwę itd. Potem wyszedł.",
      sentences: ["Wymienił Estonię, Łotwę itd.", "Potem wyszedł."],
    },
    {
      name: "a known abbreviation at the very end",
      text: "Spotkali się o godz.",
      sentences: ["Spotkali się o godz."],
    },
    {
      name: "a full stop followed by a lower-case word",
      text: "Armia weszła 17 września 1939 r. i zajęła wschód. Potem.",
      sentences: ["Armia weszła 17 września 1939 r. i zajęła wschód.", "Potem."],
    },
    {
      name: "question and exclamation marks",
      text: "Czy to prawda? Tak! Oczywiście.",
      sentences: ["Czy to prawda?", "Tak!", "Oczywiście."],
    },
    {
      name: "repeated terminators and an ellipsis",
      text: "Naprawdę?! Czekali… Potem przyszli...",
      sentences: ["Naprawdę?!", "Czekali…", "Potem przyszli..."],
    },
    {
      name: "a sentence starting with a digit",
      text: "Wojna wybuchła we wrześniu. 17 września wkroczyła Armia Czerwona.",
      sentences: ["Wojna wybuchła we wrześniu.", "17 września wkroczyła Armia Czerwona."],
    },
    {
      name: "no space after a full stop: no break",
      text: "Wersja 1.5 działa.Tak.",
      sentences: ["Wersja 1.5 działa.Tak."],
    },
    {
      name: "a typographic quotation „…” with full stops inside",
      text: "Napisał: „Nie walczyć. Wycofać się”. Potem wyjechał.",
      sentences: ["Napisał: „Nie walczyć. Wycofać się”.", "Potem wyjechał."],
    },
    {
      name: "a quotation „…” that ends the sentence",
      text: "Odpowiedział: „Odmawiam.” Potem wyszedł.",
      sentences: ["Odpowiedział: „Odmawiam.”", "Potem wyszedł."],
    },
    {
      name: "a quotation „…” followed by its attribution",
      text: "„Nie walczyć!” – rozkazał marszałek. Wojsko się wycofało.",
      sentences: ["„Nie walczyć!” – rozkazał marszałek.", "Wojsko się wycofało."],
    },
    {
      name: "a quotation closed German-style „…“",
      text: "Napisał: „Nie walczyć. Wycofać się“. Potem wyjechał. I tak dalej.",
      sentences: ["Napisał: „Nie walczyć. Wycofać się“.", "Potem wyjechał.", "I tak dalej."],
    },
    {
      name: "a quotation in guillemets »…«",
      text: "Napisał: »Nie walczyć. Wycofać się«. Potem wyjechał. I tak dalej.",
      sentences: ["Napisał: »Nie walczyć. Wycofać się«.", "Potem wyjechał.", "I tak dalej."],
    },
    {
      name: "a quotation nested in another „…«…»…”",
      text: "Czytamy: „Mówił: «Dość. Idziemy.» I poszli.” Tak było.",
      sentences: ["Czytamy: „Mówił: «Dość. Idziemy.» I poszli.”", "Tak było."],
    },
    {
      name: "a straight-quoted quotation with a full stop inside",
      text: 'Pisał: "Nie walczyć. Wycofać się" - i wyjechał. Potem.',
      sentences: ['Pisał: "Nie walczyć. Wycofać się" - i wyjechał.', "Potem."],
    },
    {
      name: "a sentence in brackets",
      text: "Pakt podpisano. (Protokół był tajny.) Potem wybuchła wojna.",
      sentences: ["Pakt podpisano.", "(Protokół był tajny.)", "Potem wybuchła wojna."],
    },
    {
      name: "sentences on separate lines",
      text: "Pakt podpisano.\nProtokół był tajny.\n",
      sentences: ["Pakt podpisano.", "Protokół był tajny."],
    },
  ];

  it.each(cases)("$name", ({ text, sentences }) => {
    const ranges = segmentSentences(text);
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual(sentences);
    expectWellFormedRanges(text, ranges);
  });
});
