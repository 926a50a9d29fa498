import { describe as group, expect, it } from "vitest";
import { compareEditions, type ComparedSentence } from "@/lib/anchoring/compare-editions";
import { FOLD_CONTEXT, foldUnchangedRows } from "@/lib/anchoring/fold-unchanged-rows";
import { segmentSentences } from "@/lib/sources/segment-sentences";
import { MINUTES, MINUTES_TEXT } from "../support/revised-minutes";

const edition = (text: string) => ({
  text,
  sentences: segmentSentences(text).map((range, index) => ({ number: index + 1, ...range })),
});

const MARKS = { same: ["", ""], deleted: ["[-", "-]"], inserted: ["{+", "+}"], changed: ["[~", "~]"] };

/** A side of a row as a reader sees it: "n. text" per sentence, changes marked [-deleted-] {+inserted+} [~changed~]. */
const side = (sentences: ComparedSentence[]) =>
  sentences
    .map(
      (s) =>
        `${s.number}. ${s.runs.map((r) => `${MARKS[r.change][0]}${r.text}${MARKS[r.change][1]}`).join("")}`,
    )
    .join(" ");

/** Each row as "old | new". */
function rowsOf(before: string, after: string) {
  const comparison = compareEditions(edition(before), edition(after));
  return { ...comparison, lines: comparison.rows.map((row) => `${side(row.old)} | ${side(row.new)}`) };
}

const S = MINUTES;
const TEXT = MINUTES_TEXT;

group("compareEditions", () => {
  it("finds nothing to mark in identical texts, and pairs every sentence with itself", () => {
    const { lines, changes } = rowsOf(TEXT, TEXT);
    expect(changes).toEqual([]);
    expect(lines).toEqual(S.map((s, i) => `${i + 1}. ${s} | ${i + 1}. ${s}`));
  });

  it("marks a corrected typo as one word changed, its Polish diacritic intact", () => {
    const { lines, changes, rows } = rowsOf(TEXT, TEXT.replace("sie", "się"));
    expect(changes).toEqual(["correction"]);
    expect(lines[0]).toBe(
      "1. Narada odbyła [~sie~] we Lwowie w budynku urzędu wojewódzkiego. | 1. Narada odbyła [~się~] we Lwowie w budynku urzędu wojewódzkiego.",
    );
    expect(rows.map((row) => row.changes)).toEqual([[0], [], [], []]);
  });

  it("keeps words with diacritics whole: a changed letter in the middle marks the whole word", () => {
    const { lines } = rowsOf("Zażółć gęślą jaźń.", "Zażółć gęśla jaźń.");
    expect(lines).toEqual(["1. Zażółć [~gęślą~] jaźń. | 1. Zażółć [~gęśla~] jaźń."]);
  });

  it("shows a deleted sentence alone on the old side, and numbers the rest of each edition its own way", () => {
    const { lines, changes } = rowsOf(TEXT, [S[0], S[2], S[3]].join(" "));
    expect(changes).toEqual(["deletion"]);
    expect(lines).toEqual([
      `1. ${S[0]} | 1. ${S[0]}`,
      `2. [-${S[1]}-] | `,
      `3. ${S[2]} | 2. ${S[2]}`,
      `4. ${S[3]} | 3. ${S[3]}`,
    ]);
  });

  it("shows an inserted sentence alone on the new side", () => {
    const added = "Posiedzenie przerwano na godzinę.";
    const { lines, changes } = rowsOf(TEXT, [S[0], added, S[1], S[2], S[3]].join(" "));
    expect(changes).toEqual(["insertion"]);
    expect(lines[1]).toBe(` | 2. {+${added}+}`);
    expect(lines[2]).toBe(`2. ${S[1]} | 3. ${S[1]}`);
  });

  it("shows a moved sentence deleted at its old place and inserted at its new one", () => {
    const { lines, changes } = rowsOf(TEXT, [S[1], S[2], S[3], S[0]].join(" "));
    expect(changes).toEqual(["deletion", "insertion"]);
    expect(lines[0]).toBe(`1. [-${S[0]}-] | `);
    expect(lines.at(-1)).toBe(` | 4. {+${S[0]}+}`);
  });

  it("pairs a rewritten sentence with its old reading as one change, the odd shared word or stop aside", () => {
    const rewritten = "Tego dnia nie postanowiono niczego.";
    const { lines, changes } = rowsOf(TEXT, [S[0], rewritten, S[2], S[3]].join(" "));
    expect(changes).toEqual(["correction"]);
    expect(lines[1]).toBe(`2. [~${S[1]!.slice(0, -1)}~]. | 2. [~${rewritten.slice(0, -1)}~].`);
  });

  it("puts a sentence split in two beside the one it was", () => {
    const split = S[0]!.replace(" w budynku", ". W budynku");
    const { lines } = rowsOf(TEXT, [split, S[1]].join(" "));
    expect(lines[0]).toMatch(/^1\. Narada .*wojewódzkiego\. \| 1\. Narada .* 2\. .*wojewódzkiego\.$/u);
    expect(lines[1]).toBe(`2. ${S[1]} | 3. ${S[1]}`);
  });

  it("does not count a change of white space alone", () => {
    const { changes, rows } = rowsOf(
      TEXT,
      TEXT.replace(" we Lwowie", "  we\nLwowie").replaceAll(". ", ".\n\n"),
    );
    expect(changes).toEqual([]);
    expect(
      rows.every((row) => row.changes.length === 0 && row.old.length === 1 && row.new.length === 1),
    ).toBe(true);
  });

  it("compares with an empty edition: everything inserted, or everything deleted", () => {
    expect(rowsOf("", TEXT)).toMatchObject({
      changes: ["insertion"],
      lines: S.map((s, i) => ` | ${i + 1}. {+${s}+}`),
    });
    expect(rowsOf(TEXT, "")).toMatchObject({
      changes: ["deletion"],
      lines: S.map((s, i) => `${i + 1}. [-${s}-] | `),
    });
    expect(rowsOf("", "")).toMatchObject({ changes: [], lines: [] });
  });

  it("gives back every character of every sentence on its side", () => {
    const after = [
      S[0]!.replace("sie", "się"),
      "Nowe zdanie.",
      S[2],
      S[3]!.replace("północy", "świcie"),
    ].join(" ");
    const { rows } = compareEditions(edition(TEXT), edition(after));
    const joined = (pick: "old" | "new") =>
      rows.flatMap((row) => row[pick]).map((s) => s.runs.map((r) => r.text).join(""));
    expect(joined("old")).toEqual(S);
    expect(joined("new")).toEqual(segmentSentences(after).map(({ start, end }) => after.slice(start, end)));
  });
});

group("foldUnchangedRows", () => {
  const many = Array.from({ length: 40 }, (_, i) => `Zdanie numer ${i + 1} mówi o czymś innym.`);
  const before = many.join(" ");
  const after = many.map((s, i) => (i === 19 ? s.replace("innym", "nowym") : s)).join(" ");
  const { rows } = compareEditions(edition(before), edition(after));

  it("folds long unchanged stretches, keeping the change with its neighbours", () => {
    const shown = foldUnchangedRows(rows, new Set());
    expect(shown).toHaveLength(1 + 2 * FOLD_CONTEXT + 1 + 1);
    expect(shown[0]).toMatchObject({ folded: true, key: 1, oldFrom: 1, oldTo: 17, newFrom: 1, newTo: 17 });
    expect(shown[FOLD_CONTEXT + 1]).toMatchObject({ changes: [0] });
    expect(shown.at(-1)).toMatchObject({ folded: true, key: 23, oldFrom: 23, oldTo: 40 });
  });

  it("unfolds the stretch named in the address, and leaves short stretches alone", () => {
    expect(foldUnchangedRows(rows, new Set([1]))).toHaveLength(40 - 18 + 1);
    const short = compareEditions(edition(TEXT), edition(TEXT.replace("sie", "się"))).rows;
    expect(foldUnchangedRows(short, new Set())).toEqual(short);
  });
});
