import { describe, expect, it } from "vitest";
import { importedDates } from "@/lib/import/imported-dates";
import { readImportFile } from "@/lib/import/read-import-file";
import { sourceOfUrl } from "@/lib/import/source-of-url";

const annotation = (extra: Record<string, unknown> = {}) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  id: "https://glossa.example/api/annotations/a1/jsonld",
  type: "Annotation",
  motivation: "commenting",
  creator: { type: "Person", name: "Anna Nowak" },
  created: "2026-03-01T10:00:00Z",
  body: [
    { type: "TextualBody", value: "<p>On the <b>border</b> &amp; the date.</p>", format: "text/html" },
    { type: "TextualBody", purpose: "tagging", value: "granica" },
  ],
  target: {
    source: "https://glossa.example/sources/soviet-note?edition=2",
    selector: [
      { type: "TextQuoteSelector", exact: "Rząd Polski", prefix: "a ", suffix: " b" },
      { type: "TextPositionSelector", start: 10, end: 21 },
    ],
  },
  ...extra,
});

describe("readImportFile", () => {
  it("reads a Glossa collection: text from HTML, tags, quote, position, creator, replies by their target", () => {
    const file = readImportFile(
      JSON.stringify({
        type: "AnnotationCollection",
        first: {
          type: "AnnotationPage",
          items: [
            annotation(),
            {
              type: "Annotation",
              id: "urn:r1",
              motivation: "replying",
              body: { type: "TextualBody", value: "Yes.", format: "text/plain" },
              target: "https://glossa.example/api/annotations/a1/jsonld",
            },
          ],
        },
      }),
    );
    expect(file.format).toBe("web-annotation");
    expect(file.rejected).toEqual([]);
    expect(file.annotations[0]).toMatchObject({
      index: 1,
      kind: "comment",
      text: "On the border & the date.",
      tags: ["granica"],
      quote: { exact: "Rząd Polski", prefix: "a ", suffix: " b" },
      position: { start: 10, end: 21 },
      targetUrl: "https://glossa.example/sources/soviet-note?edition=2",
      creatorName: "Anna Nowak",
      created: "2026-03-01T10:00:00Z",
      modified: null,
      parentExternalId: null,
    });
    expect(file.annotations[1]).toMatchObject({
      index: 2,
      parentExternalId: "https://glossa.example/api/annotations/a1/jsonld",
      targetUrl: null,
      text: "Yes.",
    });
  });

  it("reads a single annotation, a page and an array; questions and highlights by motivation and text", () => {
    expect(
      readImportFile(JSON.stringify(annotation({ motivation: "questioning" }))).annotations[0]!.kind,
    ).toBe("question");
    expect(
      readImportFile(JSON.stringify({ type: "AnnotationPage", items: [annotation({ body: undefined })] }))
        .annotations[0]!.kind,
    ).toBe("highlight");
    expect(readImportFile(JSON.stringify([annotation(), annotation()])).annotations).toHaveLength(2);
  });

  it("rejects each entry that is not an annotation by its place, keeping the others", () => {
    const file = readImportFile(
      JSON.stringify([annotation(), { type: "Person" }, "x", annotation({ target: [] })]),
    );
    expect(file.annotations.map((a) => a.index)).toEqual([1]);
    expect(file.rejected).toEqual([
      { index: 2, reason: "notAnAnnotation" },
      { index: 3, reason: "notAnAnnotation" },
      { index: 4, reason: "noTarget" },
    ]);
  });

  it("reads Hypothesis's export: display names, replies by references, markdown text as written", () => {
    const file = readImportFile(
      JSON.stringify({
        export_userid: "acct:jan@hypothes.is",
        annotations: [
          {
            id: "x1",
            user: "acct:jan@hypothes.is",
            uri: "https://example.org/a",
            text: "**Note**",
            tags: ["t"],
            created: "2025-10-01T08:00:00.000000+00:00",
            updated: "2025-10-02T09:30:00.000000+00:00",
            target: [
              { source: "https://example.org/a", selector: [{ type: "TextQuoteSelector", exact: "q" }] },
            ],
          },
          { id: "x2", user: "acct:ola@hypothes.is", references: ["x1"], text: "Reply" },
          // A reply to the reply: `references` lists its thread first.
          { id: "x3", user: "acct:jan@hypothes.is", references: ["x1", "x2"], text: "Reply to the reply" },
        ],
      }),
    );
    expect(file.format).toBe("hypothesis");
    expect(file.annotations[0]).toMatchObject({
      externalId: "hypothesis:x1",
      creatorName: "jan",
      text: "**Note**",
      created: "2025-10-01T08:00:00.000000+00:00",
      modified: "2025-10-02T09:30:00.000000+00:00",
      quote: { exact: "q", prefix: "", suffix: "" },
      position: null,
    });
    expect(file.annotations[1]).toMatchObject({ parentExternalId: "hypothesis:x1", creatorName: "ola" });
    expect(file.annotations[2]).toMatchObject({
      parentExternalId: "hypothesis:x1",
      text: "Reply to the reply",
    });
  });

  it("makes a W3C reply to a reply a reply to its thread, and takes the first of several creators", () => {
    const reply = (id: string, target: string) => ({
      type: "Annotation",
      id,
      motivation: "replying",
      body: { type: "TextualBody", value: id },
      target,
    });
    const thread = annotation({
      creator: [
        { type: "Person", name: "Anna Nowak" },
        { type: "Person", name: "Jan Kowal" },
      ],
    });
    const file = readImportFile(
      JSON.stringify([
        thread,
        reply("urn:r1", thread.id),
        reply("urn:r2", "urn:r1"),
        reply("urn:r3", "urn:r2"),
      ]),
    );
    expect(file.rejected).toEqual([]);
    expect(file.annotations[0]!.creatorName).toBe("Anna Nowak");
    expect(file.annotations.slice(1).map((a) => a.parentExternalId)).toEqual([
      thread.id,
      thread.id,
      thread.id,
    ]);
    // A loop of replies stops where it closes (and is then not imported: it has no thread).
    const loop = readImportFile(JSON.stringify([reply("urn:a", "urn:b"), reply("urn:b", "urn:a")]));
    expect(loop.annotations.map((a) => a.parentExternalId).sort()).toEqual(["urn:a", "urn:b"]);
  });

  it.each([
    ["not JSON", "{", "importNotJson"],
    ["neither format", JSON.stringify({ hello: 1 }), "importUnknownFormat"],
    ["a number", "7", "importUnknownFormat"],
    [
      "a collection whose pages are only linked",
      JSON.stringify({ type: "AnnotationCollection", first: "https://tool.example/c?page=1" }),
      "importPagesLinked",
    ],
    ["too many entries", JSON.stringify(Array.from({ length: 20_001 }, () => 1)), "importTooMany"],
  ])("refuses %s", (_name, text, message) => {
    expect(() => readImportFile(text)).toThrow(expect.objectContaining({ code: "INVALID", message }));
  });
});

describe("sourceOfUrl", () => {
  it.each([
    ["https://glossa.example/sources/soviet-note?edition=2", "soviet-note"],
    ["http://localhost:3000/en/sources/kuty-directive/4", "kuty-directive"],
    ["https://other.example/pl/sources/pact-summary", "pact-summary"],
    ["https://example.org/sources/Bad_Slug", null],
    ["https://example.org/articles/soviet-note", null],
    ["not a url", null],
    ["https://example.org/sources/%ZZ", null],
  ])("%s → %s", (url, slug) => {
    expect(sourceOfUrl(url)).toBe(slug);
  });
});

describe("importedDates", () => {
  it("keeps a file's dates in UTC, Hypothesis's microseconds and offsets too", () => {
    expect(
      importedDates({ created: "2025-10-01T08:00:00.000000+02:00", modified: "2025-10-02T09:30:00Z" }),
    ).toEqual({
      importedCreatedAt: "2025-10-01T06:00:00.000Z",
      importedModifiedAt: "2025-10-02T09:30:00.000Z",
    });
  });

  it.each([
    ["no dates", null, null],
    ["not a date", "yesterday", null],
    ["year 1 (unknown)", "0001-01-01T00:00:00Z", null],
    ["next year", `${new Date().getUTCFullYear() + 1}-06-01T00:00:00Z`, null],
  ])("dates a note now (keeps no date) for %s", (_name, created, modified) => {
    expect(importedDates({ created, modified })).toEqual({
      importedCreatedAt: null,
      importedModifiedAt: null,
    });
  });

  it("keeps no last change that is not after the writing (Glossa's export says so for a note never edited)", () => {
    expect(importedDates({ created: "2026-03-01T10:00:00Z", modified: "2026-03-01T10:00:00Z" })).toEqual({
      importedCreatedAt: "2026-03-01T10:00:00.000Z",
      importedModifiedAt: null,
    });
  });
});
