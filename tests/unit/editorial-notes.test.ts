import { describe, expect, it } from "vitest";
import { apparatusLetter, translationNoteNumeral } from "@/lib/sources/apparatus-letter";
import { parseEditorialNotes } from "@/lib/sources/parse-editorial-notes";
import { segmentSentences } from "@/lib/sources/segment-sentences";

const TEXT = "Pakt podpisano w Moskwie. Strefa ta biegła wzdłuż Wisły. Strefa wpływów i strefa interesów.";
const SENTENCES = segmentSentences(TEXT);

function parse(yaml: string) {
  return parseEditorialNotes("sources/x/notes.yaml", yaml, TEXT, SENTENCES);
}

describe("parseEditorialNotes", () => {
  it("resolves each note to its passage and numbers the notes in the order of the text", () => {
    const notes = parse(`notes:
  - key: later
    sentences: 2-3
    pl: Druga.
    en: Second.
  - key: zone
    sentences: 2
    quote: Strefa ta
    pl: Pierwsza.
    en: First.
`);
    expect(notes.map((n) => [n.number, n.key, n.firstSentence, n.lastSentence])).toEqual([
      [1, "zone", 2, 2],
      [2, "later", 2, 3],
    ]);
    expect(TEXT.slice(notes[0]!.start, notes[0]!.end)).toBe("Strefa ta");
    expect(TEXT.slice(notes[1]!.start, notes[1]!.end)).toBe(
      "Strefa ta biegła wzdłuż Wisły. Strefa wpływów i strefa interesów.",
    );
    expect(notes[0]!.body).toEqual({ pl: "Pierwsza.", en: "First." });
  });

  it.each([
    ["a sentence the text lacks", "sentences: 4", /:3: the text has sentences 1–3; "4" is not among them$/],
    ["a reversed range", "sentences: 3-2", /:3: the text has sentences 1–3/],
    [
      "words outside its sentences",
      "sentences: 1\n    quote: Wisły",
      /:4: the quote is not in these sentences$/,
    ],
    ["words found twice", "sentences: 2-3\n    quote: Strefa", /:4: the quote occurs more than once/],
    ["sentences not given as numbers", "sentences: one", /:3: notes\.0\.sentences: /],
  ])("refuses a note on %s, naming the line", (_name, lines, message) => {
    expect(() => parse(`notes:\n  - key: a\n    ${lines}\n    pl: Uwaga.\n    en: Note.\n`)).toThrow(message);
  });

  it("refuses a key used twice", () => {
    const note = (n: number) => `  - key: a\n    sentences: ${n}\n    pl: Uwaga.\n    en: Note.\n`;
    expect(() => parse(`notes:\n${note(1)}${note(2)}`)).toThrow(/:6: key "a" is used twice$/);
  });
});

describe("apparatusLetter", () => {
  it.each([
    [1, "a"],
    [2, "b"],
    [26, "z"],
    [27, "aa"],
    [52, "az"],
    [53, "ba"],
  ])("marks note %i with %s", (number, letter) => {
    expect(apparatusLetter(number)).toBe(letter);
  });
});

describe("translationNoteNumeral", () => {
  it.each([
    [1, "i"],
    [4, "iv"],
    [9, "ix"],
    [12, "xii"],
    [49, "xlix"],
    [2000, "mm"],
  ])("marks a translation's note %i with %s", (number, numeral) => {
    expect(translationNoteNumeral(number)).toBe(numeral);
  });
});
