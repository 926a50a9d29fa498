import { describe, expect, it } from "vitest";
import { parseLocaleSwitch } from "@/lib/i18n/parse-locale-switch";

/** The switch's query string as a browser would send it. */
function query(params: Record<string, string>): URLSearchParams {
  return new URLSearchParams(params);
}

describe("parseLocaleSwitch", () => {
  const cases: {
    name: string;
    params: URLSearchParams;
    expected: { to: string; next: string } | null;
  }[] = [
    {
      name: "to English, on to a source",
      params: query({ to: "en", next: "/en/sources/soviet-note" }),
      expected: { to: "en", next: "/en/sources/soviet-note" },
    },
    {
      name: "to Polish, on to a comparison (query kept)",
      params: query({ to: "pl", next: "/pl/compare?s=a&s=b" }),
      expected: { to: "pl", next: "/pl/compare?s=a&s=b" },
    },
    { name: "no next: the library", params: query({ to: "en" }), expected: { to: "en", next: "/en" } },
    {
      name: "empty next: the library",
      params: query({ to: "pl", next: "" }),
      expected: { to: "pl", next: "/pl" },
    },
    {
      name: "next on another site: the library",
      params: query({ to: "en", next: "https://example.com/" }),
      expected: { to: "en", next: "/en" },
    },
    {
      name: "protocol-relative next: the library",
      params: query({ to: "en", next: "//example.com" }),
      expected: { to: "en", next: "/en" },
    },
    {
      name: "backslash next: the library",
      params: query({ to: "pl", next: "/\\example.com" }),
      expected: { to: "pl", next: "/pl" },
    },
    {
      name: "overlong next: the library, not a refusal",
      params: query({ to: "en", next: `/${"a".repeat(2000)}` }),
      expected: { to: "en", next: "/en" },
    },
    {
      name: "next with Polish letters: percent-encoded",
      params: query({ to: "pl", next: "/pl/sources/ź" }),
      expected: { to: "pl", next: "/pl/sources/%C5%BA" },
    },
    {
      name: "the first of repeated parameters",
      params: new URLSearchParams("to=en&to=xx&next=/en/a&next=//evil"),
      expected: { to: "en", next: "/en/a" },
    },
    { name: "no language", params: query({ next: "/en" }), expected: null },
    { name: "an unknown language", params: query({ to: "de", next: "/de" }), expected: null },
    { name: "a language with a region", params: query({ to: "en-US" }), expected: null },
    { name: "a language in capitals", params: query({ to: "EN" }), expected: null },
    { name: "an empty language", params: query({ to: "" }), expected: null },
  ];

  it.each(cases)("$name", ({ params, expected }) => {
    expect(parseLocaleSwitch(params)).toEqual(expected);
  });
});
