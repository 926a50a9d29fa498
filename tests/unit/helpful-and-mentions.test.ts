import { describe, expect, it } from "vitest";
import { listedFirst } from "@/lib/annotations/listed-first";
import { findMentions } from "@/lib/notifications/mentions";
import {
  MAX_MENTION_OPTIONS,
  matchingMembers,
  mentionQuery,
} from "@/app/_components/annotations/editor/mention-query";

describe("the panel's order", () => {
  it("lists highlighted notes first, each part in the order given", () => {
    const notes = [
      { id: "a" },
      { id: "b", featured: true as const },
      { id: "c" },
      { id: "d", featured: true as const },
    ];
    expect(listedFirst(notes).map((n) => n.id)).toEqual(["b", "d", "a", "c"]);
  });

  it("returns a list with no highlight as it is", () => {
    const notes: { id: string; featured?: true }[] = [{ id: "a" }, { id: "b" }];
    expect(listedFirst(notes)).toBe(notes);
    expect(listedFirst([])).toEqual([]);
  });
});

describe("what is being typed after @", () => {
  it.each([
    ["@A", "A"],
    ["Ask @an", "an"],
    ["(@Łu", "Łu"],
    ["@Anna K", "Anna K"],
    ["Thanks @O'Neil", "O'Neil"],
    ["@", null],
    ["@ ", null],
    ["@1abc", null],
    ["anna@exa", null],
    ["@Anna  more", null],
    ["no mention", null],
    [`@${"a".repeat(41)}`, null],
  ])("%j → %j", (text, query) => {
    expect(mentionQuery(text)).toBe(query);
  });
});

const MEMBERS = [
  { id: "anna-k", name: "Anna Kowalska" },
  { id: "anna", name: "Anna" },
  { id: "lukasz", name: "Łukasz Żak" },
  { id: "jan", name: "Jan Annowski" },
  { id: "blank", name: "  " },
];

describe("the names offered", () => {
  it("offers names starting with the query first, then names with a later word starting with it", () => {
    expect(matchingMembers(MEMBERS, "an", "pl").map((m) => m.id)).toEqual(["anna", "anna-k", "jan"]);
  });

  it("compares without regard to case, keeps Polish letters, and matches across a space", () => {
    expect(matchingMembers(MEMBERS, "ŁUK", "pl").map((m) => m.id)).toEqual(["lukasz"]);
    expect(matchingMembers(MEMBERS, "żak", "pl").map((m) => m.id)).toEqual(["lukasz"]);
    expect(matchingMembers(MEMBERS, "anna k", "pl").map((m) => m.id)).toEqual(["anna-k"]);
    expect(matchingMembers(MEMBERS, "zz", "pl")).toEqual([]);
  });

  it("offers a short list", () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ id: `m${i}`, name: `Maria ${i}` }));
    expect(matchingMembers(many, "ma", "pl")).toHaveLength(MAX_MENTION_OPTIONS);
  });

  it("inserts a name the notifications recognise as a mention", () => {
    const [chosen] = matchingMembers(MEMBERS, "kow", "pl");
    expect(findMentions(`Ask @${chosen!.name} about it`, MEMBERS)).toEqual(["anna-k"]);
  });
});
