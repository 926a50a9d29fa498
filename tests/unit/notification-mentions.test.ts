import { describe, expect, it } from "vitest";
import { findMentions, summaryOf } from "@/lib/notifications/mentions";

const MEMBERS = [
  { id: "anna", name: "Anna" },
  { id: "anna-k", name: "Anna Kowalska" },
  { id: "lukasz", name: "Łukasz Żak" },
  { id: "blank", name: "  " },
];

describe("findMentions", () => {
  it.each([
    ["@Anna, what do you think?", ["anna"]],
    ["@Anna Kowalska, what do you think?", ["anna-k"]],
    ["@anna kowalska and @ANNA", ["anna-k", "anna"]],
    ["cc @Łukasz Żak.", ["lukasz"]],
    ["@Łukasz Żakowski is not a member", []],
    ["@Annabel is not Anna", []],
    ["write to anna@example.com", []],
    ["@ alone", []],
    ["x@Anna inside a word", []],
    ["@Anna @Anna @Anna", ["anna"]],
    ["no mentions here", []],
    ["", []],
  ])("%j mentions %j", (text, expected) => {
    expect(findMentions(text, MEMBERS)).toEqual(expected);
  });
});

describe("summaryOf", () => {
  it("folds whitespace and cuts long texts with an ellipsis", () => {
    expect(summaryOf("  a\n\n b\tc ")).toBe("a b c");
    const long = summaryOf("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(140);
    expect(long.endsWith("…")).toBe(true);
  });
});
