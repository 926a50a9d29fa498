import { describe, expect, it } from "vitest";
import {
  annotationPage,
  collectionClosing,
  collectionOpening,
  firstPageOpening,
} from "@/lib/export/annotation-collection";
import { ANNOTATION_CSV_COLUMNS, annotationCsvHeader, annotationCsvRow } from "@/lib/export/annotation-csv";
import { escapeMarkdown, markdownThread, type MarkdownLabels } from "@/lib/export/annotation-markdown";
import { attachmentName, downloadReducer, type DownloadState } from "@/lib/export/download-progress";
import { exportStream, exportWriter } from "@/lib/export/export-writer";
import {
  sentencesTouched,
  type ExportedAnnotation,
  type ExportLinks,
} from "@/lib/export/exported-annotation";
import { ANNOTATION_CONTEXT, motivationOf, toWebAnnotation } from "@/lib/export/web-annotation";
import { annotationProblems, collectionProblems, pageProblems } from "../support/web-annotation-musts";

const links: ExportLinks = {
  annotation: (id) => `https://glossa.example/api/annotations/${id}/jsonld`,
  edition: (slug, number) => `https://glossa.example/sources/${slug}?edition=${number}`,
  sentence: (slug, number) => `https://glossa.example/en/sources/${slug}/${number}`,
};

function annotation(overrides: Partial<ExportedAnnotation> = {}): ExportedAnnotation {
  return {
    id: "a1",
    parentId: null,
    kind: "comment",
    authorId: "user-anna",
    author: { name: "Anna Nowak", language: "pl" },
    group: { name: "Seminar 1939" },
    createdAt: new Date("2026-03-01T10:00:00.000Z"),
    editedAt: null,
    deleted: false,
    bodyHtml: "<p>Why <em>Kuty</em>?</p>",
    bodyText: "Why Kuty?",
    bodyLanguage: "en",
    tags: ["diplomacy", "1939"],
    source: { slug: "kuty-directive", title: "The Kuty directive" },
    edition: 2,
    quote: { exact: "Rydz-Śmigły", prefix: "Marshal ", suffix: " ordered" },
    position: { start: 120, end: 131 },
    sentences: { first: 3, last: 4 },
    ...overrides,
  };
}

describe("an annotation as a Web Annotation", () => {
  it.each([
    ["highlight", null, "highlighting"],
    ["comment", null, "commenting"],
    ["question", null, "questioning"],
    ["comment", "a0", "replying"],
    ["question", "a0", "replying"],
  ] as const)("a %s (parent %s) is motivated by %s", (kind, parentId, motivation) => {
    expect(motivationOf({ kind, parentId })).toBe(motivation);
  });

  it("writes a root with both selectors on its edition, its body in HTML and its tags as tagging bodies", () => {
    const web = toWebAnnotation(annotation({ editedAt: new Date("2026-03-02T08:30:00.000Z") }), links, true);
    expect(Object.keys(web)[0]).toBe("@context");
    expect(web).toEqual({
      "@context": ANNOTATION_CONTEXT,
      id: "https://glossa.example/api/annotations/a1/jsonld",
      type: "Annotation",
      motivation: "commenting",
      creator: { type: "Person", name: "Anna Nowak" },
      created: "2026-03-01T10:00:00.000Z",
      modified: "2026-03-02T08:30:00.000Z",
      body: [
        {
          type: "TextualBody",
          value: "<p>Why <em>Kuty</em>?</p>",
          format: "text/html",
          language: "en",
          purpose: "commenting",
        },
        { type: "TextualBody", value: "diplomacy", format: "text/plain", purpose: "tagging" },
        { type: "TextualBody", value: "1939", format: "text/plain", purpose: "tagging" },
      ],
      target: {
        source: "https://glossa.example/sources/kuty-directive?edition=2",
        selector: [
          { type: "TextQuoteSelector", exact: "Rydz-Śmigły", prefix: "Marshal ", suffix: " ordered" },
          { type: "TextPositionSelector", start: 120, end: 131 },
        ],
      },
    });
    expect(annotationProblems(web as never, true)).toEqual([]);
    // A text whose language cannot be told has none, rather than a guess.
    const untold = toWebAnnotation(annotation({ bodyLanguage: undefined }), links, true);
    expect(untold.body![0]).not.toHaveProperty("language");
  });

  it("makes a reply target the annotation it replies to, by its IRI", () => {
    const web = toWebAnnotation(
      annotation({ id: "r1", parentId: "a1", quote: null, position: null, sentences: null, tags: [] }),
      links,
    );
    expect(web.motivation).toBe("replying");
    expect(web.target).toBe("https://glossa.example/api/annotations/a1/jsonld");
    expect(web["@context"]).toBeUndefined();
    expect(annotationProblems(web as never, false)).toEqual([]);
  });

  it("writes an orphan (kept without a place in the text) with its quotation alone, no made-up place", () => {
    const web = toWebAnnotation(annotation({ position: null, sentences: null }), links);
    expect(web.target).toEqual({
      source: "https://glossa.example/sources/kuty-directive?edition=2",
      selector: [{ type: "TextQuoteSelector", exact: "Rydz-Śmigły", prefix: "Marshal ", suffix: " ordered" }],
    });
    expect(annotationProblems(web as never, false)).toEqual([]);
  });

  it("gives a highlight without tags no body, and a tombstone neither body nor tags", () => {
    expect(
      toWebAnnotation(annotation({ kind: "highlight", bodyHtml: "", tags: [] }), links).body,
    ).toBeUndefined();
    const tombstone = toWebAnnotation(annotation({ deleted: true }), links);
    expect(tombstone.body).toBeUndefined();
    expect(tombstone.modified).toBe(tombstone.created);
  });

  it("is caught by the Data Model checks when it breaks a MUST", () => {
    const web = toWebAnnotation(annotation(), links, true) as unknown as Record<string, unknown>;
    const { "@context": _context, ...noContext } = web;
    expect(annotationProblems(noContext, true)).toContain("@context is not the first key");
    expect(annotationProblems({ ...web, target: undefined }, true).join()).toMatch(/no target/u);
    expect(annotationProblems({ ...web, id: "a1" }, true).join()).toMatch(/id is not exactly one IRI/u);
    expect(
      annotationProblems(
        {
          ...web,
          target: {
            source: links.edition("x", 1),
            selector: [{ type: "TextPositionSelector", start: -1, end: 2 }],
          },
        },
        true,
      ).join(),
    ).toMatch(/non-negative/u);
    expect(annotationProblems({ ...web, created: "2026-03-01 10:00" }, true).join()).toMatch(/xsd:dateTime/u);
  });
});

describe("a collection", () => {
  it("streams as one valid document: @context first, the page embedded, total last", () => {
    const id = "https://glossa.example/api/exports/mine?format=jsonld&locale=en";
    const items = [
      toWebAnnotation(annotation(), links),
      toWebAnnotation(annotation({ id: "r1", parentId: "a1" }), links),
    ];
    const head = { id, label: "My notes" };
    const text =
      collectionOpening(head) +
      firstPageOpening(head) +
      items.map((i) => JSON.stringify(i)).join(",") +
      collectionClosing(head, 2);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(collectionProblems(doc)).toEqual([]);
    expect(doc).toMatchObject({
      type: "AnnotationCollection",
      total: 2,
      last: `${id}&page=1`,
      first: { id: `${id}&page=1`, type: "AnnotationPage", partOf: id, startIndex: 0 },
    });
    expect((doc.first as { next?: string }).next).toBeUndefined();
  });

  it("links pages by next and prev, numbered from 1", () => {
    const id = "https://glossa.example/api/exports/mine?format=jsonld";
    expect(annotationPage({ collectionId: id, number: 2, startIndex: 100, hasNext: true })).toEqual({
      id: `${id}&page=2`,
      type: "AnnotationPage",
      partOf: id,
      startIndex: 100,
      prev: `${id}&page=1`,
      next: `${id}&page=3`,
    });
    expect(
      pageProblems(
        {
          ...annotationPage({ collectionId: id, number: 1, startIndex: 0, hasNext: false }),
          items: [toWebAnnotation(annotation(), links)],
        },
        false,
      ),
    ).toEqual([]);
    expect(
      pageProblems(
        { ...annotationPage({ collectionId: id, number: 1, startIndex: 0, hasNext: false }), items: [] },
        false,
      ),
    ).toContain("page: items is not a list of one or more annotations");
  });

  it("counts a collection whose total is not its annotations as broken", () => {
    const id = "https://glossa.example/x";
    const head = { id, label: "x" };
    const item = JSON.stringify(toWebAnnotation(annotation(), links));
    const doc = JSON.parse(
      collectionOpening(head) + firstPageOpening(head) + item + collectionClosing(head, 3),
    ) as Record<string, unknown>;
    expect(collectionProblems(doc)).toContain("collection: total is not the number of annotations");
  });
});

describe("CSV", () => {
  it("starts with a BOM and a header row, and writes one CRLF row per annotation", () => {
    expect(annotationCsvHeader(ANNOTATION_CSV_COLUMNS.map((c) => c.toUpperCase()))).toBe(
      `\ufeff${ANNOTATION_CSV_COLUMNS.map((c) => c.toUpperCase()).join(",")}\r\n`,
    );
    const row = annotationCsvRow(annotation(), links);
    expect(row.endsWith("\r\n")).toBe(true);
    expect(row).toBe(
      [
        links.annotation("a1"),
        "",
        "commenting",
        "Anna Nowak",
        "Seminar 1939",
        "The Kuty directive",
        "2",
        "3–4",
        "Rydz-Śmigły",
        "Why Kuty?",
        '"diplomacy; 1939"',
        "2026-03-01T10:00:00.000Z",
        "2026-03-01T10:00:00.000Z",
        links.sentence("kuty-directive", 3),
      ].join(",") + "\r\n",
    );
  });

  it("defuses formulas and quotes separators, quotes and line breaks", () => {
    const row = annotationCsvRow(
      annotation({
        author: { name: '=HYPERLINK("x")', language: "en" },
        bodyText: 'He said "no",\nthen left',
        tags: ["+1"],
      }),
      links,
    );
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('"He said ""no"",\nthen left"');
    expect(row).toContain(",'+1,");
  });
});

describe("Markdown", () => {
  const labels: MarkdownLabels = {
    kind: (kind) => ({ highlight: "Highlight", comment: "Comment", question: "Question" })[kind],
    sentences: (span) => `sentences ${span}`,
    reply: "Reply",
    replyTo: "In reply to",
    tags: "Tags",
    deleted: "Deleted by its author.",
    openInReader: "open in Glossa",
  };

  it("writes the quotation, sentence numbers, links, the body and the replies nested under it", () => {
    const text = markdownThread(
      {
        root: annotation(),
        replies: [
          annotation({
            id: "r1",
            parentId: "a1",
            author: { name: "Jan", language: "en" },
            bodyText: "Because\nof the border.",
          }),
        ],
      },
      links,
      labels,
    );
    expect(text).toContain("## The Kuty directive, sentences 3–4");
    expect(text).toContain("> Rydz-Śmigły");
    expect(text).toContain(`[open in Glossa](<${links.sentence("kuty-directive", 3)}>)`);
    expect(text).toContain(`<${links.annotation("a1")}>`);
    expect(text).toContain("Why Kuty?");
    expect(text).toContain("Tags: `diplomacy`, `1939`");
    expect(text).toMatch(
      /^- \*\*Jan\*\* · 2026-03-01 10:00 UTC · <https:\/\/glossa.example\/api\/annotations\/r1\/jsonld>\n\n {2}Because\n {2}of the border\.$/mu,
    );
  });

  it("keeps a note's Markdown and HTML as text", () => {
    expect(escapeMarkdown("[click](javascript:alert(1)) <img src=x> # *no*")).toBe(
      "\\[click\\](javascript:alert(1)) \\<img src=x\\> # \\*no\\*",
    );
    expect(escapeMarkdown("# heading\n> quote\n- item\n12. item\n  + item")).toBe(
      "\\# heading\n\\> quote\n\\- item\n12\\. item\n  \\+ item",
    );
    const text = markdownThread(
      { root: annotation({ bodyText: "<script>x</script>" }), replies: [] },
      links,
      labels,
    );
    expect(text).not.toContain("<script>");
  });

  it("says what a reply carried alone replies to", () => {
    const text = markdownThread(
      {
        root: annotation({ id: "r9", parentId: "a7", quote: null, position: null, sentences: null }),
        replies: [],
      },
      links,
      labels,
    );
    expect(text).toContain(`In reply to <${links.annotation("a7")}>`);
  });
});

describe("sentence numbers", () => {
  const sentences = [
    { number: 1, start: 0, end: 10 },
    { number: 2, start: 11, end: 20 },
    { number: 3, start: 21, end: 30 },
  ];
  it.each([
    [0, 5, { first: 1, last: 1 }],
    [5, 15, { first: 1, last: 2 }],
    [10, 11, null],
    [12, 30, { first: 2, last: 3 }],
    [21, 21, { first: 3, last: 3 }],
    [40, 50, null],
  ])("[%i, %i) touches %j", (start, end, expected) => {
    expect(sentencesTouched(sentences, start, end)).toEqual(expected);
  });
});

describe("the download's progress", () => {
  it("counts the annotations of a JSON-LD stream, a marker split between chunks too", () => {
    let state: DownloadState = downloadReducer({ status: "idle" }, { type: "started", format: "jsonld" });
    for (const text of [
      '{"items":[{"type":"Annot',
      'ation"},{"type":"Annotation","body":"\\"type\\":\\"Annotation\\""}]}',
    ]) {
      state = downloadReducer(state, { type: "received", bytes: text.length, text });
    }
    state = downloadReducer(state, { type: "finished" });
    expect(state).toMatchObject({ status: "done", annotations: 2 });
  });

  it("counts bytes only for CSV, and a failure ends the download", () => {
    let state = downloadReducer({ status: "idle" }, { type: "started", format: "csv" });
    state = downloadReducer(state, { type: "received", bytes: 2048, text: "x" });
    expect(state).toMatchObject({ status: "running", bytes: 2048, annotations: 0 });
    expect(downloadReducer(state, { type: "failed" })).toEqual({ status: "failed", format: "csv" });
  });

  it("takes the file name from Content-Disposition", () => {
    expect(attachmentName('attachment; filename="glossa-notes-2026-12-05.jsonld"', "x")).toBe(
      "glossa-notes-2026-12-05.jsonld",
    );
    expect(attachmentName(null, "export.csv")).toBe("export.csv");
  });
});

describe("the export stream", () => {
  const labels = {
    title: "My notes",
    csvHeaders: ["a"],
    markdown: {
      kind: () => "Comment",
      sentences: (span: string) => span,
      reply: "Reply",
      replyTo: "In reply to",
      tags: "Tags",
      deleted: "Deleted",
      openInReader: "open",
    },
  };

  /** Batches of one thread each, counting how many the stream has asked for. */
  function batches(count: number) {
    const asked = { batches: 0 };
    async function* generate() {
      for (let n = 0; n < count; n++) {
        asked.batches++;
        yield [{ root: annotation({ id: `a${n}` }), replies: [] }];
      }
    }
    return { asked, threads: generate() };
  }

  it("reads a batch only when the reader asks for more", async () => {
    const { asked, threads } = batches(10);
    const writer = exportWriter("jsonld", { url: "https://glossa.example/x", links, labels });
    const reader = exportStream(writer, threads).getReader();
    await reader.read();
    expect(asked.batches).toBeLessThanOrEqual(1);
    await reader.read();
    expect(asked.batches).toBeLessThanOrEqual(2);
    await reader.cancel();
  });

  it("writes a whole, valid collection whose total counts every item", async () => {
    const { threads } = batches(5);
    const writer = exportWriter("jsonld", { url: "https://glossa.example/x", links, labels });
    const text = await new Response(exportStream(writer, threads)).text();
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(collectionProblems(doc)).toEqual([]);
    expect(doc.total).toBe(5);
  });

  it("writes an empty export as a valid, empty collection", async () => {
    const { threads } = batches(0);
    const writer = exportWriter("jsonld", { url: "https://glossa.example/x", links, labels });
    const doc = JSON.parse(await new Response(exportStream(writer, threads)).text()) as Record<
      string,
      unknown
    >;
    expect(collectionProblems(doc)).toEqual([]);
    expect(doc).toEqual({
      "@context": ANNOTATION_CONTEXT,
      id: "https://glossa.example/x",
      type: "AnnotationCollection",
      label: "My notes",
      total: 0,
    });
  });
});
