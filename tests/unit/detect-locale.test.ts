import { describe, expect, it } from "vitest";
import { detectLocale } from "@/lib/i18n/detect-locale";

describe("detectLocale", () => {
  const cases: {
    name: string;
    cookie?: string | null;
    acceptLanguage?: string | null;
    expected: "pl" | "en";
  }[] = [
    { name: "nothing known: Polish", expected: "pl" },
    { name: "null hints: Polish", cookie: null, acceptLanguage: null, expected: "pl" },
    { name: "empty header: Polish", acceptLanguage: "", expected: "pl" },
    { name: "remembered English wins over the browser", cookie: "en", acceptLanguage: "pl", expected: "en" },
    {
      name: "remembered Polish wins over the browser",
      cookie: "pl",
      acceptLanguage: "en-US",
      expected: "pl",
    },
    {
      name: "a cookie naming no interface language is ignored",
      cookie: "de",
      acceptLanguage: "en",
      expected: "en",
    },
    {
      name: "a cookie is matched exactly, not by prefix",
      cookie: "en-US",
      acceptLanguage: "pl",
      expected: "pl",
    },
    { name: "a region tag matches its language", acceptLanguage: "en-US,en;q=0.9", expected: "en" },
    { name: "pl-PL matches pl", acceptLanguage: "pl-PL", expected: "pl" },
    { name: "tags are case-insensitive", acceptLanguage: "EN-gb", expected: "en" },
    {
      name: "the first supported language in order",
      acceptLanguage: "de-DE, en;q=0.8, pl;q=0.7",
      expected: "en",
    },
    { name: "higher q wins over order", acceptLanguage: "en;q=0.3, pl;q=0.9", expected: "pl" },
    { name: "equal q: the earlier tag", acceptLanguage: "en;q=0.5, pl;q=0.5", expected: "en" },
    { name: "no q means q=1", acceptLanguage: "pl;q=0.99, en", expected: "en" },
    { name: "q=0 refuses a language", acceptLanguage: "en;q=0, pl;q=0.1", expected: "pl" },
    { name: "q=0.000 refuses a language too", acceptLanguage: "en;q=0.000", expected: "pl" },
    { name: "a malformed q refuses the tag", acceptLanguage: "en;q=high, pl;q=0.2", expected: "pl" },
    { name: "q among other parameters", acceptLanguage: "pl;level=1;q=0.1, en;q=0.5", expected: "en" },
    { name: "spaces around the parts", acceptLanguage: "  en ; q=0.7 ,  pl ;q=0.2 ", expected: "en" },
    { name: "the wildcard is no language of ours", acceptLanguage: "*, en;q=0.1", expected: "en" },
    { name: "only unsupported languages: Polish", acceptLanguage: "de, fr;q=0.9, *;q=0.1", expected: "pl" },
    { name: "empty parts are skipped", acceptLanguage: ",,; ,en", expected: "en" },
    {
      name: "a language that merely starts with 'en' is not English",
      acceptLanguage: "eng, pl;q=0.1",
      expected: "pl",
    },
  ];

  it.each(cases)("$name", ({ cookie, acceptLanguage, expected }) => {
    expect(detectLocale({ cookie, acceptLanguage })).toBe(expected);
  });
});
