import { describe, expect, it } from "vitest";
import { DELETED, FEATURED, HIDDEN, MINE, packIndex, unpackIndex } from "@/lib/annotations/index/wire";
import type { AnnotationIndexView, AnnotationSummary } from "@/lib/annotations/types";

const ANNA = { id: "u-anna", name: "Anna Nowak" };
const BOLEK = { id: "u-bolek", name: "Bolesław Zieliński" };

function summary(id: string, overrides: Partial<AnnotationSummary> = {}): AnnotationSummary {
  return {
    id,
    kind: "comment",
    authorId: ANNA.id,
    mine: false,
    tags: [],
    anchor: { status: "anchored", start: 10, end: 42, firstSentence: 1, lastSentence: 2 },
    deleted: false,
    hidden: false,
    ...overrides,
  };
}

const index: AnnotationIndexView = {
  source: { slug: "soviet-note", editionNumber: 2 },
  group: { id: "g-1", name: "Seminar", role: "STUDENT" },
  version: '"abc"',
  people: [ANNA, BOLEK],
  sentenceCounts: { "1": 2, "2": 2 },
  annotations: [
    summary("a1", { mine: true, tags: ["treaty", "Sejm"] }),
    summary("b1", { authorId: BOLEK.id, kind: "question", hidden: true }),
    summary("b2", { authorId: BOLEK.id, kind: "highlight", deleted: true }),
    summary("b3", { authorId: BOLEK.id, helpful: 3, featured: true }),
    summary("o1", { anchor: { status: "orphan" } }),
  ],
};

describe("the index as it travels", () => {
  it("carries helpful counts only for the threads that have them", () => {
    expect(packIndex({ people: [], annotations: [summary("x")] }).annotations.helpful).toBeUndefined();
  });

  it("unpacks to exactly what was packed: places, flags, tags, authors, versions", () => {
    expect(unpackIndex(JSON.parse(JSON.stringify(packIndex(index))))).toEqual(index);
  });

  it("writes the threads column by column: kinds as letters, flags as bits, tags only where some", () => {
    const packed = packIndex(index);
    expect(packed.annotations).toEqual({
      ids: ["a1", "b1", "b2", "b3", "o1"],
      kinds: "cqhcc",
      authors: [0, 1, 1, 1, 0],
      ranges: [10, 42, 1, 2, 10, 42, 1, 2, 10, 42, 1, 2, 10, 42, 1, 2, -1, -1, -1, -1],
      flags: [MINE, HIDDEN, DELETED, FEATURED, 0],
      tags: { 0: ["treaty", "Sejm"] },
      helpful: { 3: 3 },
    });
    const perThread = JSON.stringify(packed.annotations).length / index.annotations.length;
    const unpacked = JSON.stringify(index.annotations).length / index.annotations.length;
    expect(perThread).toBeLessThan(unpacked / 3);
  });

  it("keeps an author missing from the people list (their id, no name)", () => {
    const stray = { ...index, people: [ANNA], annotations: [summary("c1", { authorId: "u-celina" })] };
    const packed = packIndex(stray);
    expect(packed.people).toEqual([ANNA, { id: "u-celina", name: "" }]);
    expect(unpackIndex(packed).annotations[0]!.authorId).toBe("u-celina");
  });
});
