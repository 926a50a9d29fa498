import { describe, expect, it } from "vitest";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { joinSentences } from "@/lib/sources/join-sentences";
import { sentencesCoverText, sentencesFit } from "@/lib/sources/source-draft";
import { offsetAfterWord, splitSentence } from "@/lib/sources/split-sentence";

const TEXT = "Pierwsze zdanie. Drugie zdanie jest dłuższe. Trzecie.";
const { sentences } = draftFromPlainText(TEXT, false);
const texts = (ranges: { start: number; end: number }[]) => ranges.map((r) => TEXT.slice(r.start, r.end));

describe("joining and splitting sentences", () => {
  it("joins a sentence with the next, white space between them included", () => {
    expect(texts(joinSentences(sentences, 0))).toEqual([
      "Pierwsze zdanie. Drugie zdanie jest dłuższe.",
      "Trzecie.",
    ]);
  });

  it.each([2, -1, 7, 0.5])("leaves the list as it is when joining at %s", (index) => {
    expect(joinSentences(sentences, index)).toEqual(sentences);
  });

  it("splits a sentence at a character offset, white space going to neither part", () => {
    expect(texts(splitSentence(TEXT, sentences, 1, "Drugie zdanie ".length))).toEqual([
      "Pierwsze zdanie.",
      "Drugie zdanie",
      "jest dłuższe.",
      "Trzecie.",
    ]);
  });

  it.each([
    ["at the start", 0],
    ["at the end", "Trzecie.".length],
    ["past the end", 99],
    ["at a fraction", 1.5],
  ])("does not split %s", (_name, offset) => {
    expect(splitSentence(TEXT, sentences, 2, offset)).toEqual(sentences);
  });

  it("finds where to split after a word, and refuses a split that leaves nothing", () => {
    expect(offsetAfterWord("Drugie zdanie jest dłuższe.", 2)).toBe("Drugie zdanie".length);
    expect(offsetAfterWord("Drugie zdanie jest dłuższe.", 4)).toBeNull();
    expect(offsetAfterWord("Drugie zdanie", 0)).toBeNull();
  });

  it("keeps the cut valid through joins and splits", () => {
    const edited = splitSentence(TEXT, joinSentences(sentences, 0), 0, 5);
    expect(sentencesFit(TEXT, edited)).toBe(true);
    expect(sentencesCoverText(TEXT, edited)).toBe(true);
    expect(sentencesFit(TEXT, [{ start: 0, end: 17 }])).toBe(false);
    expect(sentencesCoverText(TEXT, [{ start: 0, end: 16 }])).toBe(false);
  });

  it("reads Markdown paragraphs without their marks", () => {
    const draft = draftFromPlainText("# Tytuł\n\n> Cytat jest tu.\nDalej.\r\n\r\n- Punkt.", true);
    expect(draft.text).toBe("Tytuł\n\nCytat jest tu. Dalej.\n\nPunkt.");
    expect(draft.sentences.map((s) => draft.text.slice(s.start, s.end))).toEqual([
      "Tytuł",
      "Cytat jest tu.",
      "Dalej.",
      "Punkt.",
    ]);
  });
});
