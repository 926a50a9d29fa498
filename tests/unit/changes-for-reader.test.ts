import { describe, expect, it } from "vitest";
import { applySharedChanges } from "@/lib/annotations/index/apply-delta";
import { changesForReader } from "@/lib/annotations/index/changes-for-reader";
import { packIndex, unpackThreads, type SharedChanges } from "@/lib/annotations/index/wire";
import type { AnnotationIndexView, AnnotationSummary } from "@/lib/annotations/types";
import { ANNA, at, BOLEK, summary } from "../support/index-summaries";

/** A thread at [start, start + 10) in sentence 1. */
const thread = (id: string, start: number, overrides: Partial<AnnotationSummary> = {}) =>
  summary(id, { anchor: at(start, start + 10, 1), ...overrides });

/** Anna's note, as her own part has it (hers) and as the group's part has it (anyone's). */
const annaOwn = thread("a1", 30, { authorId: ANNA.id, mine: true, shared: undefined });
const annaShared = thread("a1", 30, { authorId: ANNA.id });

/** Anna's index: Bolek's thread from the group's part at state "1|100", her note from her own part. */
const held: AnnotationIndexView = {
  source: { slug: "soviet-note", editionNumber: 1 },
  group: { id: "g-1", name: "Seminar", role: "STUDENT" },
  version: '"v1"',
  base: "1|100",
  people: [BOLEK, ANNA],
  annotations: [thread("b1", 0), annaOwn],
  sentenceCounts: { "1": 2 },
};

/** The group's part from "1|100" to "3|300": Bolek's new thread and, caught up with, Anna's. */
function groupChanges(annotations: AnnotationSummary[]): SharedChanges {
  const packed = packIndex({ people: [BOLEK, ANNA], annotations });
  return {
    version: '"shared"',
    from: "1|100",
    base: "3|300",
    people: packed.people,
    annotations: packed.annotations,
  };
}

const apply = (index: AnnotationIndexView, changes: SharedChanges) =>
  applySharedChanges(index, { ...changes, annotations: unpackThreads(changes.annotations, changes.people) });

describe("what a reader is told with a new version", () => {
  it("leaves out a thread of theirs the group's part caught up with while their own part stood still", () => {
    const found = groupChanges([thread("b2", 50), annaShared]);
    const told = changesForReader(found, { moved: false, changes: null }, ANNA.id, '"v2"')!;
    expect(told.version).toBe('"v2"');
    expect(told.annotations.ids).toEqual(["b2"]);
    expect(told.ownCount).toBeUndefined();
    // Applied, her note stays hers (the shared copy would have made it anyone's).
    const index = apply(held, told)!;
    expect(index.annotations.map((a) => [a.id, a.mine])).toEqual([
      ["b1", false],
      ["a1", true],
      ["b2", false],
    ]);
    expect(index.base).toBe("3|300");
    expect(index.people.map((p) => p.id).sort()).toEqual([ANNA.id, BOLEK.id]);
  });

  it("sends the group's changes as they are to a reader with no thread in them", () => {
    const found = groupChanges([thread("b2", 50)]);
    const told = changesForReader(found, { moved: false, changes: null }, ANNA.id, '"v2"')!;
    expect(told).toEqual({ ...found, version: '"v2"' });
  });

  it("adds their own changes, with how many of theirs the index then holds, when their own part moved", () => {
    const found = groupChanges([thread("b2", 50), annaShared]);
    const annaNew = thread("a2", 70, { authorId: ANNA.id, mine: true, shared: undefined });
    const told = changesForReader(
      found,
      { moved: true, changes: { annotations: [annaNew], people: [ANNA], count: 2 } },
      ANNA.id,
      '"v2"',
    )!;
    expect([...told.annotations.ids].sort()).toEqual(["a2", "b2"]);
    expect(told.ownCount).toBe(2);
    const index = apply(held, told)!;
    expect(index.annotations.filter((a) => a.mine).map((a) => a.id)).toEqual(["a1", "a2"]);
  });

  it("tells the version alone when the group's changes or their own moved part could not be read", () => {
    const found = groupChanges([thread("b2", 50)]);
    expect(changesForReader(null, { moved: false, changes: null }, ANNA.id, '"v2"')).toBeNull();
    expect(changesForReader(found, { moved: true, changes: null }, ANNA.id, '"v2"')).toBeNull();
  });
});
