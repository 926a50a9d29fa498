import { describe, expect, it } from "vitest";
import { detectBodyLanguage } from "@/lib/export/detect-body-language";

describe("the language of a note's text", () => {
  it.each([
    ["pl", "Czy ambasador Grzybowski przyjął notę? Łączność z Moskwą była zerwana."],
    ["en", "Compare the Polish note of 1934: its date and the place it was handed over."],
    ["de", "Warum hat die Regierung das Land in der Nacht zum achtzehnten September verlassen?"],
    ["uk", "Чому уряд залишив країну в ніч на вісімнадцяте вересня?"],
  ])("is %s for a sentence in it", (language, text) => {
    expect(detectBodyLanguage(text)).toBe(language);
  });

  it("is not told for a text too short to say", () => {
    expect(detectBodyLanguage("Zob. s. 12")).toBeUndefined();
    expect(detectBodyLanguage("ok")).toBeUndefined();
    expect(detectBodyLanguage("")).toBeUndefined();
  });

  it("is not told when two languages are nearly as likely", () => {
    // Names and numbers only: no language's words.
    expect(detectBodyLanguage("Ribbentrop Mołotow Stalin Hitler 1939 Ribbentrop Mołotow")).toBeUndefined();
  });
});
