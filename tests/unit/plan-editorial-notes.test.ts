import { describe, expect, it } from "vitest";
import { diffEditions } from "@/lib/anchoring/diff-editions";
import { segmentSentences } from "@/lib/sources/segment-sentences";
import { planEditorialNotes, type EditorialNoteToCarry } from "@/lib/revisions/plan-editorial-notes";

const S = [
  "Narada odbyła sie we Lwowie w budynku urzędu wojewódzkiego.",
  "Wojewoda przedstawił raport o stanie dróg prowadzących ku granicy.",
  "Ustalono plan ewakuacji urzędów państwowych na południe kraju.",
  "Zebrani rozeszli się o północy, nie podjąwszy dalszych decyzji.",
];
const OLD = S.join(" ");

/** A note on the words `words` of the old text. */
function noteOn(words: string, number: number): EditorialNoteToCarry {
  const start = OLD.indexOf(words);
  return {
    number,
    key: `note-${number}`,
    start,
    end: start + words.length,
    bodyPl: `Uwaga ${number}`,
    bodyEn: `Note ${number}`,
  };
}

function plan(newText: string, notes: EditorialNoteToCarry[]) {
  return planEditorialNotes(OLD, newText, diffEditions(OLD, newText), notes, segmentSentences(newText));
}

describe("planEditorialNotes", () => {
  it("carries every note unchanged when the text is the same", () => {
    const notes = [noteOn("raport o stanie dróg", 1), noteOn("o północy", 2)];
    const { carried, left } = plan(OLD, notes);
    expect(left).toBe(0);
    expect(carried.map((n) => [n.key, OLD.slice(n.start, n.end), n.firstSentence])).toEqual([
      ["note-1", "raport o stanie dróg", 2],
      ["note-2", "o północy", 4],
    ]);
  });

  it("moves a note with its passage when a sentence before it is deleted, and numbers the notes again", () => {
    const revised = [S[0], S[2], S[3]].join(" ");
    const { carried, left } = plan(revised, [noteOn("raport o stanie dróg", 1), noteOn("plan ewakuacji", 2)]);
    // The note on the deleted sentence stays with the earlier edition; the other moves, now "a".
    expect(left).toBe(1);
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ number: 1, key: "note-2", firstSentence: 2, lastSentence: 2 });
    expect(revised.slice(carried[0]!.start, carried[0]!.end)).toBe("plan ewakuacji");
  });

  it("leaves behind a note whose own words were changed, never guessing its place", () => {
    const revised = OLD.replace("raport o stanie dróg", "sprawozdanie o drogach");
    const { carried, left } = plan(revised, [noteOn("raport o stanie dróg", 1), noteOn("plan ewakuacji", 2)]);
    expect(left).toBe(1);
    expect(carried.map((n) => revised.slice(n.start, n.end))).toEqual(["plan ewakuacji"]);
  });

  it("carries a note past a corrected typo elsewhere in the text", () => {
    const revised = OLD.replace("sie", "się");
    const { carried } = plan(revised, [noteOn("urzędów państwowych", 1)]);
    expect(carried.map((n) => revised.slice(n.start, n.end))).toEqual(["urzędów państwowych"]);
  });
});
