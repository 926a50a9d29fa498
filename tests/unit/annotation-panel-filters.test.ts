import { describe, expect, it } from "vitest";
import type { AnnotationSummary, PersonView } from "@/lib/annotations/types";
import { MAX_TAG_LENGTH, MAX_TAGS } from "@/lib/annotations/types";
import { ApiError } from "@/app/_components/annotations/data/api-client";
import {
  authorsPresent,
  countByScope,
  filterAnnotations,
  focusAnnotations,
  isFiltered,
  NO_FILTER,
  splitOrphans,
  tagsPresent,
  threadCount,
  viewAfterCreating,
} from "@/app/_components/annotations/panel/filter-annotations";
import {
  bodyText,
  checkFields,
  fieldOf,
  problemsFrom,
} from "@/app/_components/annotations/panel/form-problems";
import { linkAddress } from "@/app/_components/annotations/editor/link-address";
import { shortenQuote } from "@/app/_components/annotations/panel/quote-text";
import { addTags, splitTagText } from "@/app/_components/annotations/panel/tags";

const ANNA = { id: "u-anna", name: "Anna Nowak" };
const BOLEK = { id: "u-bolek", name: "Bolesław Zieliński" };
const CELINA = { id: "u-celina", name: "Celina Adamska" };

/** An annotation (as the index lists it) by Anna (the caller) on sentence 1, unless told otherwise. */
function annotation(
  id: string,
  { author = ANNA, ...overrides }: Partial<AnnotationSummary> & { author?: PersonView } = {},
): AnnotationSummary {
  return {
    id,
    kind: "comment",
    authorId: author.id,
    mine: true,
    anchor: { status: "anchored", start: 0, end: 6, firstSentence: 1, lastSentence: 1 },
    tags: [],
    deleted: false,
    hidden: false,
    ...overrides,
  };
}

const on = (first: number, last = first) =>
  ({ status: "anchored", start: 0, end: 1, firstSentence: first, lastSentence: last }) as const;

const list: AnnotationSummary[] = [
  annotation("a1", { tags: ["treaty", "Sejm"], anchor: on(1, 2) }),
  annotation("a2", { kind: "question", anchor: on(3) }),
  annotation("b1", { author: BOLEK, mine: false, tags: ["treaty"], anchor: on(2, 4) }),
  annotation("b2", { author: BOLEK, mine: false, kind: "question", tags: ["Sejm"], anchor: on(4) }),
  annotation("c1", { author: CELINA, mine: false, kind: "highlight", anchor: on(5) }),
  annotation("o1", { author: CELINA, mine: false, tags: ["treaty"], anchor: { status: "orphan" } }),
];
const ids = (annotations: AnnotationSummary[]) => annotations.map((a) => a.id);

describe("filterAnnotations", () => {
  const cases: [name: string, filter: Parameters<typeof filterAnnotations>[1], expected: string[]][] = [
    ["all", NO_FILTER, ["a1", "a2", "b1", "b2", "c1", "o1"]],
    ["mine", { ...NO_FILTER, scope: "mine" }, ["a1", "a2"]],
    ["others' (group)", { ...NO_FILTER, scope: "others" }, ["b1", "b2", "c1", "o1"]],
    ["questions by anyone", { ...NO_FILTER, scope: "questions" }, ["a2", "b2"]],
    ["a tag", { ...NO_FILTER, tag: "treaty" }, ["a1", "b1", "o1"]],
    ["a tag is matched exactly", { ...NO_FILTER, tag: "sejm" }, []],
    ["an author", { ...NO_FILTER, authorId: BOLEK.id }, ["b1", "b2"]],
    ["scope, tag and author together", { scope: "questions", tag: "Sejm", authorId: BOLEK.id }, ["b2"]],
    ["others' with my tag", { scope: "others", tag: "Sejm", authorId: null }, ["b2"]],
  ];

  it.each(cases)("keeps %s", (_name, filter, expected) => {
    expect(ids(filterAnnotations(list, filter))).toEqual(expected);
  });

  it("says whether anything is filtered", () => {
    expect(isFiltered(NO_FILTER)).toBe(false);
    expect(isFiltered({ ...NO_FILTER, tag: "treaty" })).toBe(true);
    expect(isFiltered({ ...NO_FILTER, scope: "mine" })).toBe(true);
  });
});

describe("countByScope", () => {
  it("counts each scope", () => {
    expect(countByScope(list, NO_FILTER)).toEqual({ all: 6, mine: 2, others: 4, questions: 2 });
  });

  it("keeps the chosen tag and author in every count", () => {
    expect(countByScope(list, { scope: "mine", tag: "treaty", authorId: null })).toEqual({
      all: 3,
      mine: 1,
      others: 2,
      questions: 0,
    });
  });
});

describe("splitOrphans", () => {
  it("lists orphans apart, keeping the order of both lists", () => {
    const shuffled = [list[5]!, list[0]!, list[4]!];
    expect(splitOrphans(shuffled)).toEqual({ anchored: [list[0], list[4]], orphans: [list[5]] });
  });
});

describe("focusAnnotations", () => {
  const cases: [name: string, focus: Parameters<typeof focusAnnotations>[1], expected: string[]][] = [
    ["nothing focused: all", null, ["a1", "a2", "b1", "b2", "c1", "o1"]],
    ["sentence 1 (the first of a range)", { kind: "sentence", sentence: 1 }, ["a1"]],
    ["sentence 2 (inside two ranges)", { kind: "sentence", sentence: 2 }, ["a1", "b1"]],
    [
      "sentence 4 (the last of a range and a one-sentence passage)",
      { kind: "sentence", sentence: 4 },
      ["b1", "b2"],
    ],
    ["a sentence nobody annotated", { kind: "sentence", sentence: 9 }, []],
    ["ids, in list order", { kind: "annotations", ids: ["c1", "a2"] }, ["a2", "c1"]],
    ["an unknown id", { kind: "annotations", ids: ["zz"] }, []],
  ];

  it.each(cases)("%s", (_name, focus, expected) => {
    expect(ids(focusAnnotations(list, focus))).toEqual(expected);
  });

  it("never counts an orphan as touching a sentence", () => {
    for (let sentence = 0; sentence < 10; sentence += 1) {
      expect(ids(focusAnnotations(list, { kind: "sentence", sentence }))).not.toContain("o1");
    }
  });
});

describe("viewAfterCreating", () => {
  const created = annotation("new", { anchor: on(5), tags: ["Sejm"] });
  const cases: [
    name: string,
    view: Parameters<typeof viewAfterCreating>[0],
    expected: ReturnType<typeof viewAfterCreating>,
  ][] = [
    [
      "keeps a focus on the sentence the new annotation is on",
      { filter: NO_FILTER, focus: { kind: "sentence", sentence: 5 } },
      { filter: NO_FILTER, focus: { kind: "sentence", sentence: 5 } },
    ],
    [
      "drops a focus on another sentence (the new annotation would not be listed)",
      { filter: NO_FILTER, focus: { kind: "sentence", sentence: 3 } },
      { filter: NO_FILTER, focus: null },
    ],
    [
      "drops a focus on highlights picked in the text",
      { filter: NO_FILTER, focus: { kind: "annotations", ids: ["a1", "b1"] } },
      { filter: NO_FILTER, focus: null },
    ],
    [
      "keeps a filter that lets it through",
      { filter: { scope: "mine", tag: "Sejm", authorId: null }, focus: null },
      { filter: { scope: "mine", tag: "Sejm", authorId: null }, focus: null },
    ],
    [
      "drops a filter that hides it",
      { filter: { scope: "questions", tag: null, authorId: null }, focus: null },
      { filter: NO_FILTER, focus: null },
    ],
  ];

  it.each(cases)("%s", (_name, view, expected) => {
    expect(viewAfterCreating(view, created)).toEqual(expected);
  });

  it("always lists the new annotation in what the panel then shows", () => {
    for (const [, view] of cases) {
      const next = viewAfterCreating(view, created);
      const listed = [...list, created];
      const shown = next.focus
        ? focusAnnotations(listed, next.focus)
        : filterAnnotations(listed, next.filter);
      expect(ids(shown)).toContain("new");
    }
  });
});

describe("threadCount", () => {
  // A compare column's toggle said 5 while its panel said 6: the panel lists a deleted thread
  // kept for its replies (a tombstone), the toggle did not count it.
  const withTombstone = [...list, annotation("d1", { deleted: true, tags: [], anchor: on(6) })];

  it("counts what the panel lists, tombstones, orphans and hidden ones included", () => {
    const hidden = [...withTombstone, annotation("h1", { hidden: true, author: BOLEK, mine: false })];
    expect(threadCount(hidden)).toBe(8);
  });

  it("agrees with the panel's total and its 'All' count", () => {
    expect(threadCount(withTombstone)).toBe(countByScope(withTombstone, NO_FILTER).all);
    expect(threadCount(withTombstone)).toBe(filterAnnotations(withTombstone, NO_FILTER).length);
  });
});

describe("tags and authors present", () => {
  it("lists each tag once with its count, alphabetically", () => {
    expect(tagsPresent(list, "pl")).toEqual([
      { tag: "Sejm", count: 2 },
      { tag: "treaty", count: 3 },
    ]);
  });

  it("lists each author once with a count, by name", () => {
    expect(authorsPresent(list, [CELINA, ANNA, BOLEK], "pl").map((a) => [a.name, a.count, a.mine])).toEqual([
      ["Anna Nowak", 2, true],
      ["Bolesław Zieliński", 2, false],
      ["Celina Adamska", 2, false],
    ]);
  });
});

describe("tags typed into the field", () => {
  it("splits at commas and line breaks and tidies spaces", () => {
    expect(splitTagText(" treaty,  Polish   Sejm ,,\nnobility ")).toEqual([
      "treaty",
      "Polish Sejm",
      "nobility",
    ]);
  });

  it("adds new tags, skipping ones already there in any case", () => {
    expect(addTags(["Sejm"], "sejm, treaty")).toEqual({ tags: ["Sejm", "treaty"], rest: "", problem: null });
  });

  it("keeps a too long tag in the field and says why", () => {
    const long = "x".repeat(MAX_TAG_LENGTH + 1);
    expect(addTags([], `ok, ${long}`)).toEqual({ tags: ["ok"], rest: long, problem: "tagTooLong" });
  });

  it("accepts a tag of exactly the longest length", () => {
    const longest = "y".repeat(MAX_TAG_LENGTH);
    expect(addTags([], longest).tags).toEqual([longest]);
  });

  it("stops at the limit of tags", () => {
    const full = Array.from({ length: MAX_TAGS }, (_, i) => `t${i}`);
    expect(addTags(full, "one more")).toEqual({ tags: full, rest: "one more", problem: "tooManyTags" });
  });
});

describe("shortenQuote", () => {
  it("keeps a short quote, tidying white space", () => {
    expect(shortenQuote("  In the  name\nof God ")).toEqual({ text: "In the name of God", shortened: false });
  });

  it("leaves out the middle of a long quote at word boundaries", () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const { text, shortened } = shortenQuote(words, 100);
    expect(shortened).toBe(true);
    expect(text.startsWith("word0 word1 ")).toBe(true);
    expect(text.endsWith(" word199")).toBe(true);
    expect(text).toContain(" … ");
    expect(text.length).toBeLessThanOrEqual(103);
    for (const piece of text.split(" ")) expect(piece).toMatch(/^(word\d+|…)$/);
  });
});

describe("form problems", () => {
  it("maps a problem's path to its field", () => {
    expect(fieldOf("tags.0")).toBe("tags");
    expect(fieldOf("selectors.quote.exact")).toBe("selectors");
    expect(fieldOf("body")).toBe("body");
    expect(fieldOf("groupId")).toBeNull();
  });

  it("reads a refusal's problems, or its message, or falls back to generic", () => {
    const invalid = new ApiError(400, "INVALID", "formInvalid", [
      { field: "tags.2", message: "tagTooLong" },
      { field: "groupId", message: "groupNotFound" },
    ]);
    expect(problemsFrom(invalid)).toEqual([
      { field: "tags", message: "tagTooLong" },
      { field: null, message: "groupNotFound" },
    ]);
    expect(problemsFrom(new ApiError(403, "FORBIDDEN", "notAllowed", []))).toEqual([
      { field: null, message: "notAllowed" },
    ]);
    expect(problemsFrom(new TypeError("boom"))).toEqual([{ field: null, message: "generic" }]);
  });

  const doc = (text: string) => ({
    type: "doc",
    content: [{ type: "paragraph", content: text ? [{ type: "text", text }] : [] }],
  });
  const values = {
    kind: "comment" as const,
    visibility: "group" as const,
    tags: [],
    tagText: "",
    body: doc("x"),
  };

  it("counts the text of a body across nodes", () => {
    const body = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "ab" },
            { type: "text", text: "c", marks: [{ type: "bold" }] },
          ],
        },
        {
          type: "bulletList",
          content: [
            { type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "de" }] }] },
          ],
        },
      ],
    };
    expect(bodyText(body)).toBe("abcde");
    expect(bodyText(null)).toBe("");
  });

  it("asks for text in a comment or question, not in a highlight", () => {
    expect(checkFields({ ...values, body: doc(" ") }, true)).toEqual([
      { field: "body", message: "bodyRequired" },
    ]);
    expect(checkFields({ ...values, kind: "question", body: null }, true)).toEqual([
      { field: "body", message: "bodyRequired" },
    ]);
    expect(checkFields({ ...values, kind: "highlight", body: null }, true)).toEqual([]);
    expect(checkFields({ ...values, kind: "highlight", body: null }, false)).toEqual([
      { field: "body", message: "bodyRequired" },
    ]);
  });

  it("refuses a body over the limit and bad unfinished tag text", () => {
    expect(checkFields({ ...values, body: doc("z".repeat(20_001)) }, true)).toEqual([
      { field: "body", message: "bodyTooLong" },
    ]);
    expect(checkFields({ ...values, body: doc("z".repeat(20_000)) }, true)).toEqual([]);
    expect(checkFields({ ...values, tagText: "q".repeat(MAX_TAG_LENGTH + 1) }, true)).toEqual([
      { field: "tags", message: "tagTooLong" },
    ]);
  });
});

describe("linkAddress", () => {
  const cases: [typed: string, expected: string | null][] = [
    ["https://example.org/a?b=c", "https://example.org/a?b=c"],
    ["http://example.org", "http://example.org"],
    ["example.org/page", "https://example.org/page"],
    ["example.org:8080/page", "https://example.org:8080/page"],
    ["  polona.pl  ", "https://polona.pl"],
    ["name@example.org", "mailto:name@example.org"],
    ["mailto:name@example.org", "mailto:name@example.org"],
    ["javascript:alert(1)", null],
    ["JavaScript:alert(1)", null],
    ["data:text/html,<b>x</b>", null],
    ["ftp://example.org", null],
    ["", null],
    ["two words", null],
  ];

  it.each(cases)("reads %j as %j", (typed, expected) => {
    expect(linkAddress(typed)).toBe(expected);
  });
});
