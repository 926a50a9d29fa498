import { describe, expect, it } from "vitest";
import { textFragment } from "@/lib/permalinks/text-fragment";

const TEXT =
  "Marszałek Edward Rydz- Śmigły wydał 17 września w Kutach tzw. dyrektywę ogólną, w której nakazał wycofanie.";

describe("text-fragment links", () => {
  it("spell out a short quote with a few words of context, encoding - , and &", () => {
    const start = TEXT.indexOf("Rydz- Śmigły");
    expect(textFragment(TEXT, start, start + "Rydz- Śmigły".length)).toBe(
      "#:~:text=Marsza%C5%82ek%20Edward-,Rydz%2D%20%C5%9Amig%C5%82y,-wyda%C5%82%2017%20wrze%C5%9Bnia",
    );
  });

  it("give a long quote as its first and last words", () => {
    const start = TEXT.indexOf("Edward");
    expect(TEXT.length - start).toBeGreaterThan(80);
    expect(textFragment(TEXT, start, TEXT.length)).toBe(
      "#:~:text=Marsza%C5%82ek-,Edward%20Rydz%2D%20%C5%9Amig%C5%82y%20wyda%C5%82,w%20kt%C3%B3rej%20nakaza%C5%82%20wycofanie.",
    );
  });

  it("need no context at the very start of the text", () => {
    expect(textFragment(TEXT, 0, 9)).toBe("#:~:text=Marsza%C5%82ek,-Edward%20Rydz%2D%20%C5%9Amig%C5%82y");
  });
});
