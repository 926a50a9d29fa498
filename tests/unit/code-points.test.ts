import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { astralOffsets, toCodePointOffset, toUtf16Offset } from "@/lib/anchoring/code-points";

/** A text of BMP letters, characters outside the BMP and lone surrogates, mixed. */
const mixedText = fc
  .array(
    fc.oneof(
      fc.constantFrom("a", "ś", "Ł", " ", "\n"),
      fc.constantFrom("😀", "𝔄", "𠀋"),
      fc.constantFrom("\uD800", "\uDC00"),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

/** The UTF-16 offsets of `text` that fall between code points (never inside a surrogate pair). */
function boundaries(text: string): number[] {
  const offsets = [0];
  for (const character of text) offsets.push(offsets.at(-1)! + character.length);
  return offsets;
}

describe("offsets in code points and in UTF-16 code units", () => {
  it("are the same in a text without characters outside the BMP", () => {
    const text = "Prezydent Rzeczypospolitej Polskiej — Ignacy Mościcki";
    expect(astralOffsets(text)).toEqual([]);
    expect(toCodePointOffset([], 17)).toBe(17);
    expect(toUtf16Offset([], 17)).toBe(17);
  });

  it("count a character outside the BMP as one code point and two code units", () => {
    const text = "a😀b𝔄c";
    const astral = astralOffsets(text);
    expect(astral).toEqual([1, 4]);
    // "c" is the fifth character (code point 4) and the seventh code unit (offset 6).
    expect(toCodePointOffset(astral, 6)).toBe(4);
    expect(toUtf16Offset(astral, 4)).toBe(6);
    expect(toUtf16Offset(astral, 5)).toBe(text.length);
  });

  it("agree with Array.from at every boundary, both ways (property)", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const astral = astralOffsets(text);
        for (const [index, utf16] of boundaries(text).entries()) {
          expect(toCodePointOffset(astral, utf16)).toBe(index);
          expect(toUtf16Offset(astral, index)).toBe(utf16);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("take an offset inside a surrogate pair as the pair's start", () => {
    const astral = astralOffsets("x😀y");
    expect(toCodePointOffset(astral, 2)).toBe(1);
  });
});
