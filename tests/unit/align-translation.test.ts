/**
 * The alignment editor's pure operations (lib/sources/align-translation.ts): pairing a translation's
 * segments with the original's sentences, and the join, split, insert-empty and remove-empty steps
 * the instructor corrects it with. Each keeps every word of the translation, in order.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyCorrection, correctionStep } from "../support/alignment-steps";
import {
  alignmentOfLines,
  alignmentOfSentences,
  alignTranslation,
  alignmentStatus,
  insertEmptySegment,
  joinSegments,
  removeEmptySegment,
  segmentTexts,
  splitSegment,
} from "@/lib/sources/align-translation";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { readTranslationText } from "@/lib/sources/read-translation-text";
import { AlignmentSchema } from "@/lib/sources/translation-schema";

const TEXT = "The meeting began. The plan was read. Everyone left at midnight.";
const aligned = (text = TEXT) => {
  const draft = draftFromPlainText(text, false);
  return alignTranslation(draft.text, draft.sentences);
};

describe("the automatic alignment", () => {
  it("pairs one segment per sentence, in order, and is complete when the counts agree", () => {
    const alignment = aligned();
    expect(segmentTexts(alignment)).toEqual([
      "The meeting began.",
      "The plan was read.",
      "Everyone left at midnight.",
    ]);
    expect(alignmentStatus(3, alignment.segments)).toEqual({
      paired: 3,
      missing: 0,
      surplus: 0,
      complete: true,
    });
  });

  it.each([
    [2, { paired: 2, missing: 0, surplus: 1, complete: false }],
    [5, { paired: 3, missing: 2, surplus: 0, complete: false }],
  ])("against %i original sentences says what is left over or missing", (count, status) => {
    expect(alignmentStatus(count, aligned().segments)).toEqual(status);
  });
});

describe("correcting the alignment", () => {
  it("joins a segment with the next one, keeping the words between them", () => {
    const joined = joinSegments(aligned(), 0);
    expect(segmentTexts(joined)).toEqual([
      "The meeting began. The plan was read.",
      "Everyone left at midnight.",
    ]);
  });

  it("joins an empty segment with a segment as the segment alone", () => {
    const withEmpty = insertEmptySegment(aligned(), 1);
    expect(segmentTexts(joinSegments(withEmpty, 0))).toEqual([
      "The meeting began.",
      "The plan was read.",
      "Everyone left at midnight.",
    ]);
    expect(segmentTexts(joinSegments(withEmpty, 1))).toEqual([
      "The meeting began.",
      "The plan was read.",
      "Everyone left at midnight.",
    ]);
  });

  it.each([2, 3, -1, 0.5])("leaves the alignment as it is when joining segment %s (no next one)", (index) => {
    expect(joinSegments(aligned(), index)).toEqual(aligned());
  });

  it("splits a segment after a chosen word, shifting the later ones down", () => {
    const split = splitSegment(aligned(), 2, 2)!;
    expect(segmentTexts(split)).toEqual([
      "The meeting began.",
      "The plan was read.",
      "Everyone left",
      "at midnight.",
    ]);
  });

  it.each([
    ["after the last word", 2, 4],
    ["after word 0", 2, 0],
    ["of a segment that does not exist", 7, 1],
  ])("refuses a split %s", (_what, index, words) => {
    expect(splitSegment(aligned(), index, words)).toBeNull();
  });

  it("refuses to split an empty segment", () => {
    expect(splitSegment(insertEmptySegment(aligned(), 0), 0, 1)).toBeNull();
  });

  it("inserts an empty segment to shift the later ones down, and removes it to shift them back", () => {
    const inserted = insertEmptySegment(aligned(), 1);
    expect(segmentTexts(inserted)).toEqual([
      "The meeting began.",
      "",
      "The plan was read.",
      "Everyone left at midnight.",
    ]);
    expect(alignmentStatus(4, inserted.segments).complete).toBe(true);
    expect(removeEmptySegment(inserted, 1)).toEqual(aligned());
    expect(segmentTexts(insertEmptySegment(aligned(), 3)).at(-1)).toBe("");
  });

  it("never removes a segment with text, nor inserts outside the list", () => {
    expect(removeEmptySegment(aligned(), 0)).toEqual(aligned());
    expect(insertEmptySegment(aligned(), 4)).toEqual(aligned());
    expect(insertEmptySegment(aligned(), -1)).toEqual(aligned());
  });
});

describe("any sequence of corrections", () => {
  const step = correctionStep(6);
  const apply = applyCorrection;
  const words = (texts: string[]) => texts.join(" ").split(/\s+/u).filter(Boolean);

  it("keeps every word of the translation in order, and stays a valid alignment", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const result = steps.reduce(apply, aligned());
        expect(words(segmentTexts(result))).toEqual(words([TEXT]));
        expect(AlignmentSchema.safeParse(result).success).toBe(true);
      }),
    );
  });
});

describe("a saved translation, one segment per line (revising it)", () => {
  it("writes each sentence on its line and an empty one as a blank line, and reads them back", () => {
    const sentences = ["", "The plan  was\nread.", "", "Everyone left.", ""];
    const alignment = alignmentOfSentences(sentences);
    expect(alignment.text).toBe("\nThe plan was read.\n\nEveryone left.\n\n");
    expect(segmentTexts(alignment)).toEqual(["", "The plan was read.", "", "Everyone left.", ""]);
    expect(AlignmentSchema.safeParse(alignment).success).toBe(true);
    expect(alignmentOfLines(alignment.text)).toEqual(alignment);
  });

  it("takes a final line break as none, a CRLF as a line break, and no text as nothing", () => {
    expect(segmentTexts(alignmentOfLines("One.\r\nTwo. Three.\n")!)).toEqual(["One.", "Two. Three."]);
    expect(alignmentOfLines(" \n\n")).toBeNull();
  });

  it("gives back any sentences it is made from (property)", () => {
    const sentence = fc.oneof(
      fc.constant(""),
      fc.stringMatching(/^[A-Za-zśł.,]{1,8}( [A-Za-zśł.,]{1,8}){0,4}$/u),
    );
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 12 }), (sentences) => {
        fc.pre(sentences.some((s) => s !== ""));
        const alignment = alignmentOfSentences(sentences);
        expect(segmentTexts(alignment)).toEqual(sentences);
        expect(alignmentOfLines(alignment.text)).toEqual(alignment);
        expect(AlignmentSchema.safeParse(alignment).success).toBe(true);
      }),
    );
  });

  it("tells the text a form's field reads as, in each format, to check it was read before saving", () => {
    expect(readTranslationText("lines", "One.\nTwo.")).toBe("One.\nTwo.");
    expect(readTranslationText("text", "One.\nTwo.")).toBe(draftFromPlainText("One.\nTwo.", false).text);
    expect(readTranslationText("tei", "<TEI")).toBeNull();
    expect(readTranslationText("pdf", "One.")).toBeNull();
  });
});
