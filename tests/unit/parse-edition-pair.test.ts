import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseEditionPair } from "@/lib/revisions/parse-edition-pair";

describe("parseEditionPair", () => {
  it.each([
    [
      { from: "1", to: "2" },
      { ok: true, from: 1, to: 2 },
    ],
    [
      { from: " 3 ", to: "1" },
      { ok: true, from: 3, to: 1 },
    ],
    [
      { from: ["1", "9"], to: "2" },
      { ok: true, from: 1, to: 2 },
    ],
    [{}, { ok: false, problem: "missing" }],
    [{ from: "1" }, { ok: false, problem: "missing" }],
    [
      { from: "1", to: " " },
      { ok: false, problem: "missing" },
    ],
    [
      { from: "abc", to: "2" },
      { ok: false, problem: "notANumber" },
    ],
    [
      { from: "1", to: "999999999999" },
      { ok: false, problem: "notANumber" },
    ],
    [
      { from: "1", to: "2147483648" },
      { ok: false, problem: "notANumber" },
    ],
    [
      { from: "0", to: "2" },
      { ok: false, problem: "notANumber" },
    ],
    [
      { from: "1.5", to: "2" },
      { ok: false, problem: "notANumber" },
    ],
    [
      { from: "-1", to: "2" },
      { ok: false, problem: "notANumber" },
    ],
    [
      { from: "2", to: "2" },
      { ok: false, problem: "same" },
    ],
    [
      { from: "02", to: "2" },
      { ok: false, problem: "same" },
    ],
  ])("%j → %j", (query, expected) => {
    expect(parseEditionPair(query)).toMatchObject(expected);
  });

  it("reads the folds to unfold, ignoring what is not a sentence number", () => {
    const pair = parseEditionPair({ from: "1", to: "2", unfold: ["12", "x", "0", "40"] });
    expect(pair.ok && [...pair.unfolded]).toEqual([12, 40]);
  });

  it("answers any query with a pair or a problem, never an exception", () => {
    const value = fc.option(fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })), {
      nil: undefined,
    });
    fc.assert(
      fc.property(value, value, value, (from, to, unfold) => {
        const pair = parseEditionPair({ from, to, unfold });
        expect(pair.ok || ["missing", "notANumber", "same"].includes(pair.problem)).toBe(true);
      }),
    );
  });
});
