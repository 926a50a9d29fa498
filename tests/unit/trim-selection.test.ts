import { describe, expect, it } from "vitest";
import { trimSelection } from "@/lib/revisions/trim-selection";

const TEXT = "Ustalono plan ewakuacji.  Zebrani rozeszli się 🙂 o północy.";

describe("trimSelection", () => {
  it("keeps a selection of words as it is", () => {
    const start = TEXT.indexOf("plan");
    expect(trimSelection(TEXT, start, start + 4)).toEqual({ start, end: start + 4 });
  });

  it("drops the spaces a selection starts or ends with", () => {
    const start = TEXT.indexOf("  Zebrani");
    const range = trimSelection(TEXT, start, start + 10)!;
    expect(TEXT.slice(range.start, range.end)).toBe("Zebrani");
  });

  it.each([
    ["nothing but spaces", TEXT.indexOf("  "), TEXT.indexOf("  ") + 2],
    ["empty", 3, 3],
    ["backwards", 9, 3],
    ["past the end", 0, TEXT.length + 1],
    ["before the start", -1, 4],
    ["not whole numbers", 0.5, 4],
  ])("refuses a selection %s", (_what, start, end) => {
    expect(trimSelection(TEXT, start, end)).toBeNull();
  });

  it("never cuts a character made of two code units in half", () => {
    const emoji = TEXT.indexOf("🙂");
    expect(trimSelection(TEXT, emoji + 1, emoji + 2)).toEqual({ start: emoji, end: emoji + 2 });
    const range = trimSelection(TEXT, emoji - 4, emoji + 1)!;
    expect(TEXT.slice(range.start, range.end)).toBe("się 🙂");
  });
});
