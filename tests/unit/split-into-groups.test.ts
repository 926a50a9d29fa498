import { describe, expect, it } from "vitest";
import { withheldPeerWhere } from "@/lib/auth/policy";
import { splitIntoGroups } from "@/lib/assignments/split-into-groups";

/** A fixed pseudo-random sequence (a linear congruential generator), so a case fails the same way. */
function seeded(seed: number) {
  let state = seed;
  return (below: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % below;
  };
}

describe("splitIntoGroups", () => {
  it.each([
    [0, 2, []],
    [1, 2, [1]],
    [2, 2, [2]],
    [5, 2, [3, 2]],
    [7, 2, [3, 2, 2]],
    [7, 3, [4, 3]],
    [9, 3, [3, 3, 3]],
    [10, 4, [5, 5]],
    [30, 4, [5, 5, 4, 4, 4, 4, 4]],
  ])("splits %i students into groups of %i as %j", (n, size, sizes) => {
    const students = Array.from({ length: n }, (_, i) => `s${i}`);
    const groups = splitIntoGroups(students, size, seeded(n * 31 + size));
    expect(groups.map((g) => g.length)).toEqual(sizes);
    expect(groups.flat().sort()).toEqual([...students].sort());
  });

  it("never leaves a student alone when there are enough for two", () => {
    for (let n = 2; n <= 40; n++) {
      for (let size = 2; size <= n; size++) {
        const lengths = splitIntoGroups(
          Array.from({ length: n }, (_, i) => i),
          size,
          seeded(n + size),
        ).map((g) => g.length);
        expect(Math.min(...lengths)).toBeGreaterThanOrEqual(size);
        expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
      }
    }
  });

  it("shuffles: another random sequence places students differently", () => {
    const students = Array.from({ length: 12 }, (_, i) => i);
    expect(splitIntoGroups(students, 3, seeded(1))).not.toEqual(splitIntoGroups(students, 3, seeded(2)));
  });
});

describe("withheldPeerWhere with small groups", () => {
  it("spares the reader and their discussion-group mates, and the staff", () => {
    const where = withheldPeerWhere({ userId: "ann" }, [
      {
        groupId: "g",
        role: "STUDENT",
        withheld: [{ sourceId: "src", editions: null, staffNotesShown: true, visibleAuthorIds: ["ben"] }],
      },
    ]);
    expect(where?.OR[0]).toMatchObject({
      groupId: "g",
      sourceId: "src",
      authorId: { notIn: ["ann", "ben"] },
      NOT: { author: { memberships: { some: { groupId: "g" } } } },
    });
  });

  it("withholds every peer for a reading reveal still locks", () => {
    const where = withheldPeerWhere({ userId: "ann" }, [
      {
        groupId: "g",
        role: "STUDENT",
        withheld: [{ sourceId: "src", editions: null, staffNotesShown: false }],
      },
    ]);
    expect(where?.OR[0]).toEqual({ groupId: "g", sourceId: "src", authorId: { notIn: ["ann"] } });
  });
});
