import { describe, expect, it } from "vitest";
import { toSafeLocalPath } from "@/lib/i18n/to-safe-local-path";

describe("toSafeLocalPath", () => {
  const kept: [name: string, value: string][] = [
    ["the root", "/"],
    ["a library", "/en"],
    ["a sentence page", "/en/sources/kuty-directive/3"],
    ["a query and a fragment", "/pl/compare?s=soviet-note&s=kuty-directive#main"],
    ["percent-escapes as they are", "/pl/compare?s=%C5%BAr%C3%B3d%C5%82o"],
    ["a dot segment that stays on this site", "/..//example.com"],
  ];

  it.each(kept)("keeps %s", (_name, value) => {
    expect(toSafeLocalPath(value)).toBe(value);
  });

  const refused: [name: string, value: string | null | undefined][] = [
    ["null", null],
    ["undefined", undefined],
    ["the empty string", ""],
    ["a relative path", "en/sources"],
    ["an absolute URL", "https://example.com/"],
    ["a scheme without slashes", "javascript:alert(1)"],
    ["a protocol-relative URL", "//example.com/en"],
    ["a backslash after the slash", "/\\example.com"],
    ["a backslash later on", "/en\\..\\..\\example.com"],
    ["a tab, which browsers drop (/<tab>/host is //host)", "/\t/example.com"],
    ["a line feed (header splitting)", "/en\r\nSet-Cookie: x=1"],
    ["a NUL", "/en\u0000"],
    ["DEL", "/en\u007f"],
  ];

  it.each(refused)("refuses %s", (_name, value) => {
    expect(toSafeLocalPath(value)).toBeNull();
  });

  // The result becomes a Location header, which may only hold ASCII: other characters are sent
  // percent-encoded as UTF-8, as a browser would send them.
  const encoded: [name: string, value: string, expected: string][] = [
    ["Polish letters in a path", "/pl/sources/źródło", "/pl/sources/%C5%BAr%C3%B3d%C5%82o"],
    ["a Latin-1 letter", "/pl/caf\u00e9", "/pl/caf%C3%A9"],
    ["letters in a query", "/en/compare?s=ż&s=a", "/en/compare?s=%C5%BC&s=a"],
    ["an astral character", "/en/\u{1F4DC}", "/en/%F0%9F%93%9C"],
  ];

  it.each(encoded)("percent-encodes %s", (_name, value, expected) => {
    expect(toSafeLocalPath(value)).toBe(expected);
  });

  it("refuses a lone surrogate, which has no UTF-8 form", () => {
    expect(toSafeLocalPath("/en/\ud800")).toBeNull();
  });

  it("returns only characters a response header can carry", () => {
    const result = toSafeLocalPath("/pl/sources/Rydz-Śmigły?q=„cytat”#zdanie-3") ?? "";
    expect(result).toMatch(/^[\u0021-\u007e]+$/u);
    expect(() => new Headers({ Location: result })).not.toThrow();
    expect(decodeURIComponent(result)).toBe("/pl/sources/Rydz-Śmigły?q=„cytat”#zdanie-3");
  });
});
