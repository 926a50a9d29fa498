import { describe, expect, it } from "vitest";
import { applyIndexDelta, applySharedChanges } from "@/lib/annotations/index/apply-delta";
import { changesAlongSteps, recordStep } from "@/lib/annotations/index/part-steps";
import { packIndex, unpackIndex, type PackedAnnotationIndexDelta } from "@/lib/annotations/index/wire";
import type { AnnotationIndexDelta, AnnotationIndexView } from "@/lib/annotations/types";
import { ANNA, at, BOLEK, CELINA, summary } from "../support/index-summaries";

/** Anna's index: two classmates' threads from the shared part, her own private note, a withheld one. */
const held: AnnotationIndexView = {
  source: { slug: "soviet-note", editionNumber: 1 },
  group: { id: "g-1", name: "Seminar", role: "STUDENT" },
  version: '"v1"',
  base: "2|1000",
  people: [BOLEK, ANNA],
  annotations: [
    summary("b1", { anchor: at(0, 5, 1) }),
    summary("a1", { authorId: ANNA.id, mine: true, shared: undefined, anchor: at(8, 30, 1, 2) }),
    summary("b2", { anchor: at(40, 50, 3) }),
    summary("w1", { authorId: "", shared: undefined, anchor: at(60, 70, 4) }),
  ],
  sentenceCounts: { "1": 2, "2": 1, "3": 1, "4": 1 },
};

function delta(overrides: Partial<AnnotationIndexDelta>): AnnotationIndexDelta {
  return {
    source: held.source,
    group: held.group,
    version: '"v2"',
    base: "2|2000",
    people: [CELINA, ANNA],
    annotations: [],
    delta: { from: "2|1000", removed: [] },
    ...overrides,
  };
}

describe("bringing the index a reader holds up to date with the changes since", () => {
  it("adds, replaces and removes shared threads, and takes the reader's own part whole", () => {
    const changes = delta({
      annotations: [
        // Celina's new note, Bolek's first note tagged, and Anna's own part (her private note edited).
        summary("c1", { authorId: CELINA.id, anchor: at(0, 5, 1) }),
        summary("b1", { anchor: at(0, 5, 1), tags: ["pact"] }),
        summary("a1", {
          authorId: ANNA.id,
          mine: true,
          shared: undefined,
          kind: "question",
          anchor: at(8, 30, 1, 2),
        }),
      ],
      delta: { from: "2|1000", removed: ["b2"] },
    });
    // Sent as the server sends it.
    const sent = unpackIndex(JSON.parse(JSON.stringify(packIndex(changes))) as PackedAnnotationIndexDelta);
    const now = applyIndexDelta(held, sent)!;
    expect(now.annotations.map((a) => [a.id, a.kind, a.tags])).toEqual([
      ["b1", "comment", ["pact"]],
      ["c1", "comment", []],
      ["a1", "question", []],
    ]);
    // The withheld thread is not in the reader's part any more: gone with it.
    expect(now.version).toBe('"v2"');
    expect(now.base).toBe("2|2000");
    expect(now.sentenceCounts).toEqual({ "1": 3, "2": 1 });
    expect(now.people.map((person) => person.id).sort()).toEqual([ANNA.id, BOLEK.id, CELINA.id].sort());
    expect("delta" in now).toBe(false);
  });

  it("names only the authors of the threads left", () => {
    const now = applyIndexDelta(held, delta({ delta: { from: "2|1000", removed: ["b1", "b2"] } }))!;
    expect(now.annotations).toEqual([]);
    expect(now.people).toEqual([]);
    expect(now.sentenceCounts).toEqual({});
  });

  it("refuses changes made against another state than the one held", () => {
    expect(applyIndexDelta(held, delta({ delta: { from: "3|1500", removed: [] } }))).toBeNull();
    expect(applyIndexDelta({ ...held, base: undefined }, delta({}))).toBeNull();
  });
});

describe("live changes from a state before the one held (an index fetched ahead of its events)", () => {
  // The tier's part went 2|1000 → 3|1500 (Celina's c1) → 4|2000 (Bolek's b3, b2 edited).
  const toMiddle = { from: "2|1000", base: "3|1500" };
  const live = {
    version: '"v3"',
    from: "2|1000",
    via: ["3|1500"],
    base: "4|2000",
    people: [CELINA, BOLEK],
    annotations: [
      summary("c1", { authorId: CELINA.id, anchor: at(20, 25, 1) }),
      summary("b3", { anchor: at(45, 48, 3) }),
      summary("b2", { anchor: at(40, 50, 3), tags: ["edited"] }),
    ],
  };
  const ids = (index: AnnotationIndexView | null) => index?.annotations.map((a) => a.id);

  it("gives, from a state they pass, the same index as from the state they start from", () => {
    const fromStart = applySharedChanges(held, live)!;
    const middle = applySharedChanges(held, {
      ...live,
      ...toMiddle,
      via: undefined,
      version: '"v2"',
      annotations: [live.annotations[0]!],
    })!;
    expect(middle.base).toBe("3|1500");
    const fromMiddle = applySharedChanges(middle, live)!;
    expect(fromMiddle).toEqual(fromStart);
    expect(ids(fromMiddle)).toEqual(["b1", "a1", "c1", "b2", "b3", "w1"]);
    expect(fromMiddle.annotations.find((a) => a.id === "b2")?.tags).toEqual(["edited"]);
    expect(fromMiddle.base).toBe("4|2000");
  });

  it("never takes a state they do not pass (one after them, or on another path)", () => {
    expect(applySharedChanges({ ...held, base: "5|2500" }, live)).toBeNull();
    expect(applySharedChanges({ ...held, base: "3|1400" }, live)).toBeNull();
    expect(applySharedChanges({ ...held, base: "3|1500" }, { ...live, via: undefined })).toBeNull();
    expect(applySharedChanges({ ...held, base: undefined }, live)).toBeNull();
  });

  it("are told with the states the part passed, from the steps it took", () => {
    const scope = `scope-${Math.random()}`;
    recordStep(scope, "2|1000", { to: "3|1500", changed: [live.annotations[0]!], removed: [] });
    recordStep(scope, "3|1500", { to: "4|2000", changed: live.annotations.slice(1), removed: [] });
    expect(changesAlongSteps(scope, "2|1000", "4|2000")?.via).toEqual(["3|1500"]);
    expect(changesAlongSteps(scope, "3|1500", "4|2000")?.via).toEqual([]);
    expect(changesAlongSteps(scope, "4|2000", "2|1000")).toBeNull();
  });
});
