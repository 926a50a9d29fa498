import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe as group, expect, it } from "vitest";
import { segmentSentences } from "@/lib/sources/segment-sentences";
import { diffEditions, mapRange, splitChunks, type EditionDiff } from "@/lib/anchoring/diff-editions";

const KUTY = readFileSync(
  path.resolve(import.meta.dirname, "../../sources/kuty-directive/text.pl.txt"),
  "utf8",
);
const SOVIET = readFileSync(
  path.resolve(import.meta.dirname, "../../sources/soviet-note/text.pl.txt"),
  "utf8",
);

const at = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`"${phrase}" not in text`);
  return { start, end: start + phrase.length };
};

/** Every unchanged stretch reads the same in both texts, and they come in order without overlapping. */
function expectConsistent(diff: EditionDiff, before: string, after: string) {
  let oldEnd = 0;
  let newEnd = 0;
  for (const { oldStart, newStart, length } of diff.unchanged) {
    expect(length).toBeGreaterThan(0);
    expect(oldStart).toBeGreaterThanOrEqual(oldEnd);
    expect(newStart).toBeGreaterThanOrEqual(newEnd);
    expect(after.slice(newStart, newStart + length)).toBe(before.slice(oldStart, oldStart + length));
    oldEnd = oldStart + length;
    newEnd = newStart + length;
  }
}

group("splitChunks", () => {
  it("cuts after sentence ends and line breaks, and gives the text back whole", () => {
    expect(splitChunks("Ala ma kota. Kot ma Alę!\n\nKoniec")).toEqual([
      "Ala ma kota. ",
      "Kot ma Alę!\n\n",
      "Koniec",
    ]);
    expect(splitChunks(KUTY).join("")).toBe(KUTY);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ab .!?\n…") }), (text) => {
        expect(splitChunks(text).join("")).toBe(text);
      }),
    );
  });
});

group("diffEditions", () => {
  it("maps every range of an unchanged text to itself", () => {
    const diff = diffEditions(KUTY, KUTY);
    expect(diff.complete).toBe(true);
    expect(diff.unchanged).toEqual([{ oldStart: 0, newStart: 0, length: KUTY.length }]);
    const range = at(KUTY, "Zbrodni Katyńskiej");
    expect(mapRange(diff, range)).toEqual({ status: "unchanged", ...range });
  });

  it("shifts the text after an inserted sentence by exactly its length, and leaves the text before it", () => {
    const sentence = "Zdanie dopisane przez wydawcę. ";
    const insertAt = at(KUTY, "Do niewoli").start;
    const edited = KUTY.slice(0, insertAt) + sentence + KUTY.slice(insertAt);
    const diff = diffEditions(KUTY, edited);
    expectConsistent(diff, KUTY, edited);
    const before = at(KUTY, "Marszałek Edward");
    const after = at(KUTY, "Zbrodni Katyńskiej");
    expect(mapRange(diff, before)).toEqual({ status: "unchanged", ...before });
    expect(mapRange(diff, after)).toEqual({
      status: "unchanged",
      start: after.start + sentence.length,
      end: after.end + sentence.length,
    });
  });

  it("maps a deleted sentence to the empty place where it was, and shifts what follows back", () => {
    const [, second, third] = segmentSentences(KUTY);
    const deleted = { start: second!.start, end: second!.end };
    const edited = KUTY.slice(0, second!.start) + KUTY.slice(third!.start);
    const diff = diffEditions(KUTY, edited);
    expectConsistent(diff, KUTY, edited);
    expect(mapRange(diff, deleted)).toEqual({
      status: "changed",
      within: { start: deleted.start, end: deleted.start },
    });
    const shift = third!.start - second!.start;
    const after = at(KUTY, "Zbrodni Katyńskiej");
    expect(mapRange(diff, after)).toEqual({
      status: "unchanged",
      start: after.start - shift,
      end: after.end - shift,
    });
  });

  it("maps sentences next to an insertion and a deletion whose neighbours end alike", () => {
    // The common end of the two texts begins at a period ("kraju." / "granicy."): it must not glue
    // the sentence before it onto the next one, or the moved sentence no longer matches itself.
    const s = [
      "Pierwsze zdanie jest tutaj.",
      "Drugie zdanie mówi długo o planie ewakuacji całego kraju na południu.",
      "Trzecie o drogach ku samej granicy.",
      "Czwarte kończy.",
    ];
    const old = s.join(" ");
    const edited = [s[0], "Wstawione zdanie o stolicy.", s[1], s[3]].join(" ");
    const diff = diffEditions(old, edited);
    expectConsistent(diff, old, edited);
    // The moved sentence is kept whole, with its period and the space after it.
    const second = at(old, `${s[1]} `);
    expect(
      diff.unchanged.some((u) => u.oldStart <= second.start && u.oldStart + u.length >= second.end),
    ).toBe(true);
  });

  it("marks only the word with a typo as changed", () => {
    const edited = KUTY.replace("niestawiających", "niestawiajacych");
    const diff = diffEditions(KUTY, edited);
    expectConsistent(diff, KUTY, edited);
    const word = at(KUTY, "niestawiających");
    expect(mapRange(diff, word)).toEqual({ status: "changed", within: word });
    // Text within MIN_MAPPED_CONTEXT of the change is searched; further on it is mapped.
    expect(mapRange(diff, at(KUTY, "Do niewoli"))).toMatchObject({ status: "changed" });
    const neighbour = at(KUTY, "15 tys. oficerów");
    expect(mapRange(diff, neighbour)).toMatchObject({ status: "unchanged", ...neighbour });
  });

  it("keeps a common word of a rewritten sentence from mapping without a search", () => {
    const sentence = at(KUTY, "Ten masowy mord nosi dziś nazwę Zbrodni Katyńskiej.");
    const edited =
      KUTY.slice(0, sentence.start) + "Ten czyn zwie się dziś inaczej." + KUTY.slice(sentence.end);
    const diff = diffEditions(KUTY, edited);
    expectConsistent(diff, KUTY, edited);
    expect(mapRange(diff, at(KUTY, "Ten masowy"))).toMatchObject({ status: "changed" });
  });

  it("gives up on texts too different to compare", () => {
    expect(diffEditions(KUTY, SOVIET)).toMatchObject({ complete: false, unchanged: [] });
  });

  it("keeps only stretches that read the same, whatever the edits", () => {
    const edit = fc.record({
      at: fc.nat(),
      deleted: fc.nat({ max: 40 }),
      inserted: fc.string({ maxLength: 40 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
        let edited = KUTY;
        for (const { at: offset, deleted, inserted } of edits) {
          const position = offset % (edited.length + 1);
          edited = edited.slice(0, position) + inserted + edited.slice(position + deleted);
        }
        const diff = diffEditions(KUTY, edited);
        if (diff.complete) expectConsistent(diff, KUTY, edited);
      }),
      { numRuns: 200, seed: 1939 },
    );
  });
});
