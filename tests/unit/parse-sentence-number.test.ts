import { describe, expect, it } from "vitest";
import { parseSentenceNumber } from "@/lib/sources/parse-sentence-number";

describe("parseSentenceNumber", () => {
  const numbers: [segment: string, expected: number][] = [
    ["1", 1],
    ["3", 3],
    ["10", 10],
    ["99", 99],
    ["9999999", 9_999_999],
  ];

  it.each(numbers)("reads %j as %i", (segment, expected) => {
    expect(parseSentenceNumber(segment)).toBe(expected);
  });

  const notNumbers: [name: string, segment: string][] = [
    ["empty", ""],
    ["zero", "0"],
    ["a leading zero", "03"],
    ["a minus sign", "-1"],
    ["a plus sign", "+1"],
    ["a decimal", "1.0"],
    ["an exponent", "1e2"],
    ["hexadecimal", "0x1"],
    ["letters", "abc"],
    ["digits then letters", "3a"],
    ["a leading space", " 3"],
    ["a trailing space", "3 "],
    ["a trailing newline", "3\n"],
    ["Arabic-Indic digits", "\u0663"],
    ["full-width digits", "\uff13"],
    ["eight digits (beyond any source)", "10000000"],
    ["a huge number", "9".repeat(400)],
  ];

  it.each(notNumbers)("refuses %s", (_name, segment) => {
    expect(parseSentenceNumber(segment)).toBeNull();
  });
});
