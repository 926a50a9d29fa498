import { describe, expect, it } from "vitest";
import {
  MAX_COMPARED_SOURCES,
  MIN_COMPARED_SOURCES,
  parseCompareSelection,
  type CompareSelection,
} from "@/lib/sources/parse-compare-selection";

type SearchParams = Record<string, string | string[] | undefined>;

const long = "x".repeat(201);

describe("parseCompareSelection", () => {
  it("allows two to three sources", () => {
    expect([MIN_COMPARED_SOURCES, MAX_COMPARED_SOURCES]).toEqual([2, 3]);
  });

  const cases: { name: string; params: SearchParams; expected: CompareSelection }[] = [
    { name: "two slugs", params: { s: ["a", "b"] }, expected: { ok: true, slugs: ["a", "b"] } },
    { name: "three slugs", params: { s: ["a", "b", "c"] }, expected: { ok: true, slugs: ["a", "b", "c"] } },
    {
      name: "the order given",
      params: { s: ["c", "a", "b"] },
      expected: { ok: true, slugs: ["c", "a", "b"] },
    },
    {
      name: "duplicates dropped, first place kept",
      params: { s: ["b", "a", "b"] },
      expected: { ok: true, slugs: ["b", "a"] },
    },
    {
      name: "four with a duplicate are three",
      params: { s: ["a", "b", "a", "c"] },
      expected: { ok: true, slugs: ["a", "b", "c"] },
    },
    {
      name: "white space around a slug trimmed",
      params: { s: [" a", "b\t"] },
      expected: { ok: true, slugs: ["a", "b"] },
    },
    {
      name: "a slug of 200 characters",
      params: { s: ["a", "x".repeat(200)] },
      expected: { ok: true, slugs: ["a", "x".repeat(200)] },
    },
    {
      name: "other parameters ignored",
      params: { s: ["a", "b"], t: "c" },
      expected: { ok: true, slugs: ["a", "b"] },
    },
    { name: "no s at all", params: {}, expected: { ok: false, problem: "tooFew" } },
    { name: "s undefined", params: { s: undefined }, expected: { ok: false, problem: "tooFew" } },
    { name: "an empty list", params: { s: [] }, expected: { ok: false, problem: "tooFew" } },
    { name: "one slug (a string)", params: { s: "a" }, expected: { ok: false, problem: "tooFew" } },
    { name: "one slug (a list)", params: { s: ["a"] }, expected: { ok: false, problem: "tooFew" } },
    { name: "one slug twice", params: { s: ["a", "a"] }, expected: { ok: false, problem: "tooFew" } },
    {
      name: "one slug twice, once with spaces",
      params: { s: ["a", " a "] },
      expected: { ok: false, problem: "tooFew" },
    },
    { name: "four slugs", params: { s: ["a", "b", "c", "d"] }, expected: { ok: false, problem: "tooMany" } },
    {
      name: "five slugs",
      params: { s: ["a", "b", "c", "d", "e"] },
      expected: { ok: false, problem: "tooMany" },
    },
    { name: "an empty slug", params: { s: "" }, expected: { ok: false, problem: "invalid" } },
    {
      name: "a blank slug among two",
      params: { s: ["a", "  "] },
      expected: { ok: false, problem: "invalid" },
    },
    {
      name: "a blank slug among three",
      params: { s: ["a", "b", ""] },
      expected: { ok: false, problem: "invalid" },
    },
    { name: "an overlong slug alone", params: { s: long }, expected: { ok: false, problem: "invalid" } },
    {
      name: "an overlong slug among two",
      params: { s: ["a", long] },
      expected: { ok: false, problem: "invalid" },
    },
    {
      name: "a bad slug among too many",
      params: { s: ["a", "b", "c", "d", long] },
      expected: { ok: false, problem: "invalid" },
    },
  ];

  it.each(cases)("$name", ({ params, expected }) => {
    expect(parseCompareSelection(params)).toEqual(expected);
  });
});
