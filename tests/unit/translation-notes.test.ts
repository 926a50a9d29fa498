/**
 * A TEI translation's notes through the alignment editor (lib/sources/align-translation.ts): each
 * note belongs to the segment holding the words it follows (segmentNotes), and stays with them when
 * segments are joined, split, inserted or removed, since those steps leave the text and the notes'
 * offsets as they are.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyCorrection, correctionStep } from "../support/alignment-steps";
import {
  alignmentOfSentences,
  alignTranslation,
  insertEmptySegment,
  joinSegments,
  removeEmptySegment,
  segmentNotes,
  splitSegment,
  withSegmentNotes,
  type TranslationAlignment,
} from "@/lib/sources/align-translation";
import { parseTei } from "@/lib/sources/parse-tei";
import { AlignmentSchema } from "@/lib/sources/translation-schema";

const TEI =
  '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Meeting</title></titleStmt>' +
  "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>" +
  "<p><s>The meeting was held<note>In the town hall.</note> in Lviv.</s> <s>An evacuation plan was agreed.</s></p>" +
  "<p><s>Those present left at midnight.<note>Or later.</note><note>Some stayed.</note></s></p></body></text></TEI>";

function teiAlignment(): TranslationAlignment {
  const result = parseTei(TEI);
  if (!result.ok) throw new Error(result.problem);
  return alignTranslation(result.draft.text, result.draft.sentences, result.draft.notes);
}

/** The bodies of the notes each segment holds, by segment index. */
const bodies = (alignment: TranslationAlignment) =>
  segmentNotes(alignment).map((notes) => notes.map((note) => note.body));

describe("a TEI translation's notes in its alignment", () => {
  it("come with the text read, each in the segment holding the words it follows", () => {
    const alignment = teiAlignment();
    expect(alignment.notes).toHaveLength(3);
    expect(bodies(alignment)).toEqual([["In the town hall."], [], ["Or later.", "Some stayed."]]);
  });

  it("stay with their words when segments are joined", () => {
    expect(bodies(joinSegments(teiAlignment(), 0))).toEqual([
      ["In the town hall."],
      ["Or later.", "Some stayed."],
    ]);
    expect(bodies(joinSegments(teiAlignment(), 1))).toEqual([
      ["In the town hall."],
      ["Or later.", "Some stayed."],
    ]);
  });

  it.each([
    [
      "after the word the note follows: with the first part",
      4,
      [["In the town hall."], [], [], ["Or later.", "Some stayed."]],
    ],
    ["before it: with the second part", 3, [[], ["In the town hall."], [], ["Or later.", "Some stayed."]]],
  ])("split %s", (_what, words, expected) => {
    expect(bodies(splitSegment(teiAlignment(), 0, words)!)).toEqual(expected);
  });

  it("move down with their segment when an empty one is inserted, and back when it is removed", () => {
    const inserted = insertEmptySegment(teiAlignment(), 0);
    expect(bodies(inserted)).toEqual([[], ["In the town hall."], [], ["Or later.", "Some stayed."]]);
    expect(bodies(insertEmptySegment(teiAlignment(), 2))).toEqual([
      ["In the town hall."],
      [],
      [],
      ["Or later.", "Some stayed."],
    ]);
    expect(bodies(removeEmptySegment(inserted, 0))).toEqual(bodies(teiAlignment()));
  });

  it("never go to an empty segment: one before every segment goes to the first with text", () => {
    const alignment = { ...insertEmptySegment(teiAlignment(), 0), notes: [{ at: 0, body: "Title." }] };
    expect(bodies(alignment)).toEqual([[], ["Title."], [], []]);
    expect(segmentNotes({ text: "x", segments: [null], notes: [{ at: 0, body: "Lost." }] })).toEqual([[]]);
  });

  it("are none for an alignment without notes (the lines format, a plain text)", () => {
    expect(segmentNotes(alignmentOfSentences(["One.", "", "Two."]))).toEqual([[], [], []]);
  });

  it("are placed back, from saved ones, in the segments they were saved with", () => {
    const lines = alignmentOfSentences(["The meeting was held in Lviv.", "", "Those present left."]);
    const placed = withSegmentNotes(lines, [
      { sentence: 1, body: "In the town hall." },
      { sentence: 3, body: "Or later." },
      { sentence: 2, body: "On an empty sentence: left out." },
      { sentence: 9, body: "Past the last: left out." },
    ]);
    expect(bodies(placed)).toEqual([["In the town hall."], [], ["Or later."]]);
    expect(bodies(joinSegments(placed, 1))).toEqual([["In the town hall."], ["Or later."]]);
    expect(AlignmentSchema.safeParse(placed).success).toBe(true);
  });
});

describe("any sequence of corrections", () => {
  const step = correctionStep(8);
  const apply = applyCorrection;

  it("keeps every note, in order, in the segment holding the word it follows", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const result = steps.reduce(apply, teiAlignment());
        const held = segmentNotes(result);
        expect(held.flat().map((note) => note.body)).toEqual([
          "In the town hall.",
          "Or later.",
          "Some stayed.",
        ]);
        held.forEach((notes, i) => {
          for (const note of notes) {
            const segment = result.segments[i]!;
            expect(segment.start < note.at && note.at <= segment.end).toBe(true);
          }
        });
        expect(AlignmentSchema.safeParse(result).success).toBe(true);
      }),
    );
  });
});

describe("notes the form sends back", () => {
  const alignment = teiAlignment();
  it.each([
    ["outside the text", [{ at: alignment.text.length + 1, body: "Out." }]],
    ["without a body", [{ at: 0, body: "  " }]],
    ["with a body over the limit", [{ at: 0, body: "x".repeat(4001) }]],
    ["too many", Array.from({ length: 2001 }, () => ({ at: 0, body: "n" }))],
    ["with a field of their own", [{ at: 0, body: "n", html: "<b>n</b>" }]],
  ])("are refused %s", (_what, notes) => {
    expect(AlignmentSchema.safeParse({ ...alignment, notes }).success).toBe(false);
  });
});
