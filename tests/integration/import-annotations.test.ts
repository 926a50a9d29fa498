/**
 * Import (issue 15): a file of W3C Web Annotations (Glossa's own export, another tool's) or a
 * Hypothesis export, into one's personal notes or a group. Placed on the latest edition by the
 * anchoring rules, orphans kept and listed (never placed wrongly), a second import adds nothing, and
 * the report says what happened to every entry.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { listAnnotationIndex } from "@/lib/annotations/list-annotation-index";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { IMPORTS_PER_HOUR } from "@/lib/import/import-limit";
import type { ImportReport } from "@/lib/import/import-report";
import { createSource } from "@/lib/sources/create-source";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { newSourceInput } from "../support/source-factories";
import { createGroupWith, createUser, type TestGroup, type TestUser } from "../support/factories";
import { session } from "../support/fake-current-user";
import { testDatabase } from "../support/test-database";

vi.mock("@/lib/auth/get-current-user", () => import("../support/fake-current-user"));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn(async () => null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const ORIGIN = "https://glossa.example";

/** A note with formatting: bold, italic, a list and a link, which an import must keep. */
const FORMATTED_BODY = {
  type: "doc",
  content: [
    {
      type: "paragraph",
      content: [
        { type: "text", text: "On the " },
        { type: "text", text: "border", marks: [{ type: "bold" }] },
        { type: "text", text: "." },
      ],
    },
    {
      type: "bulletList",
      content: ["the date", "the place"].map((item) => ({
        type: "listItem",
        content: [
          { type: "paragraph", content: [{ type: "text", text: item, marks: [{ type: "italic" }] }] },
        ],
      })),
    },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "See " },
        {
          type: "text",
          text: "the map",
          marks: [{ type: "link", attrs: { href: "https://example.org/map" } }],
        },
      ],
    },
  ],
};

let edition: TestEdition;
let anna: TestUser, bartek: TestUser, teacher: TestUser, outsider: TestUser;
let group: TestGroup;
let exported: string;

/** Anna's own notes as Glossa exports them (GET /api/exports/mine, JSON-LD). */
async function exportOf(user: TestUser): Promise<string> {
  session.user = { id: user.id };
  const handler = (await import("@/app/api/exports/mine/route")).GET as Handler;
  const response = await handler(new Request(`${ORIGIN}/api/exports/mine?format=jsonld`), {
    params: Promise.resolve({}),
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function importAs(
  user: TestUser,
  body: string,
  query: Record<string, string>,
  type = "application/ld+json",
): Promise<{ status: number; report: ImportReport & { error?: { message: string; details?: unknown } } }> {
  session.user = { id: user.id };
  const handler = (await import("@/app/api/imports/route")).POST as Handler;
  const response = await handler(
    new Request(`${ORIGIN}/api/imports?${new URLSearchParams({ locale: "en", ...query })}`, {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": type },
      body,
    }),
    { params: Promise.resolve({}) },
  );
  return { status: response.status, report: (await response.json()) as never };
}

const countOf = (user: TestUser) => testDatabase().prisma.annotation.count({ where: { authorId: user.id } });

beforeAll(async () => {
  edition = await importedEdition("soviet-note");
  [anna, bartek, teacher, outsider] = await Promise.all([
    createUser({ name: "Anna Nowak" }),
    createUser({ name: "Bartek Kowal" }),
    createUser({ name: "Irena" }),
    createUser(),
  ]);
  group = await createGroupWith({ instructor: teacher, students: [anna, bartek] });
  const quote = edition.text.slice(100, 130);
  const first = await createAnnotation(
    anna.actor,
    annotationInput(edition, quote, { body: FORMATTED_BODY, tags: ["granica"] }),
  );
  await createAnnotation(
    anna.actor,
    annotationInput(edition, edition.text.slice(300, 320), { kind: "highlight" }),
  );
  await createAnnotation(
    anna.actor,
    annotationInput(edition, edition.text.slice(400, 440), { kind: "question", body: "Why now?" }),
  );
  await replyToAnnotation(anna.actor, first.id, { body: bodyFromPlainText("And the date.") });
  // Written months ago, the comment edited the next day: the dates an import must keep.
  await testDatabase().prisma.annotation.updateMany({
    where: { authorId: anna.id },
    data: { createdAt: new Date("2026-03-01T10:00:00.000Z") },
  });
  await testDatabase().prisma.annotation.update({
    where: { id: first.id },
    data: { editedAt: new Date("2026-03-02T08:30:00.000Z") },
  });
  exported = await exportOf(anna);
});
beforeEach(() => {
  session.user = null;
});
afterAll(() => {
  session.user = null;
});

describe("importing Glossa's own export", () => {
  it("places every note where it was, with its kind, text, tags, reply and its writer's name", async () => {
    const { status, report } = await importAs(bartek, exported, { into: "mine" });
    expect(status).toBe(200);
    expect(report).toMatchObject({
      format: "web-annotation",
      imported: 3,
      replies: 1,
      placed: { exact: 3, moved: 0, fuzzy: 0 },
      orphans: [],
      duplicates: 0,
      rejected: [],
    });
    const list = await listAnnotations(bartek.actor, edition.slug, "none");
    const mine = list.annotations.filter((a) => a.author.id === bartek.id);
    expect(mine.map((a) => a.kind).sort()).toEqual(["comment", "highlight", "question"]);
    const comment = mine.find((a) => a.kind === "comment")!;
    expect(comment.anchor).toMatchObject({ status: "anchored", start: 100, end: 130 });
    expect(comment.tags).toEqual(["granica"]);
    // The body keeps its formatting, the line naming its writer after it.
    expect(comment.bodyHtml).toBe(
      "<p>On the <strong>border</strong>.</p><ul><li><p><em>the date</em></p></li><li><p><em>the place</em></p></li></ul>" +
        '<p>See <a href="https://example.org/map" rel="noopener nofollow ugc">the map</a></p><p></p>' +
        "<p>Written by Anna Nowak, Mar 1, 2026 (imported).</p>",
    );
    expect(comment.visibility).toBe("private");
    expect(comment.replies.map((r) => r.bodyHtml).join()).toContain("And the date.");
  });

  it("keeps when each note was written and last changed: exported again, the dates are the file's", async () => {
    const datesOf = (file: string) =>
      (JSON.parse(file) as { first: { items: { created: string; modified: string }[] } }).first.items
        .map((item) => `${item.created} ${item.modified}`)
        .sort();
    expect(datesOf(exported)).toContain("2026-03-01T10:00:00.000Z 2026-03-02T08:30:00.000Z");
    expect(datesOf(await exportOf(bartek))).toEqual(datesOf(exported));
  });

  it("adds nothing when the same file is imported again", async () => {
    const before = await countOf(bartek);
    const { report } = await importAs(bartek, exported, { into: "mine" });
    expect(report).toMatchObject({ imported: 0, replies: 0, duplicates: 4, rejected: [] });
    expect(await countOf(bartek)).toBe(before);
  });

  it("keeps a note deleted while it had replies as deleted, with its reply; alone, it comes as a highlight", async () => {
    const writer = await createUser({ name: "Celina Usunięta" });
    const reader = await createUser();
    const gone = await createAnnotation(
      writer.actor,
      annotationInput(edition, edition.text.slice(600, 640), { kind: "question", body: "Deleted later." }),
    );
    await replyToAnnotation(writer.actor, gone.id, { body: bodyFromPlainText("The answer stays.") });
    await deleteAnnotation(writer.actor, gone.id);
    const file = await exportOf(writer);
    // The same without its reply: a bodiless note, as other tools write highlights.
    const alone = JSON.parse(file) as { first: { items: { motivation: string }[] } };
    alone.first.items = alone.first.items.filter((item) => item.motivation !== "replying");

    const { report } = await importAs(reader, file, { into: "mine" });
    expect(report).toMatchObject({ imported: 1, replies: 1, rejected: [] });
    const [thread] = (await listAnnotations(reader.actor, edition.slug, "none")).annotations.filter(
      (a) => a.author.id === reader.id,
    );
    expect(thread).toMatchObject({ deleted: true, kind: "question", bodyHtml: "" });
    expect(thread!.replies.map((r) => r.bodyHtml).join()).toContain("The answer stays.");

    const other = await createUser();
    const lone = await importAs(other, JSON.stringify(alone), { into: "mine" });
    expect(lone.report).toMatchObject({ imported: 1, rejected: [] });
    const [highlight] = (await listAnnotations(other.actor, edition.slug, "none")).annotations.filter(
      (a) => a.author.id === other.id,
    );
    expect(highlight).toMatchObject({ deleted: false, kind: "question" });
  });

  it("imports into a group for its members to read, when asked", async () => {
    const { report } = await importAs(anna, exported, { into: group.id, visibility: "group" });
    expect(report.imported).toBe(3);
    const index = await listAnnotationIndex(bartek.actor, edition.slug, group.id);
    expect(index.annotations.filter((a) => a.authorId === anna.id && !a.mine)).toHaveLength(3);
  });
});

describe("anchoring: never a wrong place", () => {
  const web = (exact: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      type: "Annotation",
      id: `urn:test:${exact}:${JSON.stringify(extra)}`,
      motivation: "commenting",
      body: { type: "TextualBody", value: "A note", format: "text/plain" },
      target: {
        source: `${ORIGIN}/sources/${edition.slug}?edition=1`,
        selector: [{ type: "TextQuoteSelector", exact, ...extra }],
      },
    });

  it("keeps a note whose quotation is not in the text without a place, and lists it", async () => {
    const { report } = await importAs(outsider, web("Zdanie, którego nie ma w nocie ani w żadnym źródle."), {
      into: "mine",
    });
    expect(report.imported).toBe(1);
    expect(report.orphans).toEqual([
      expect.objectContaining({ index: 1, source: edition.slug, reason: "not-found" }),
    ]);
    const index = await listAnnotationIndex(outsider.actor, edition.slug, "none");
    expect(index.annotations).toHaveLength(1);
    expect(index.annotations[0]!.anchor).toEqual({ status: "orphan" });
    const list = await listAnnotations(outsider.actor, edition.slug, "none");
    expect(list.annotations[0]!.anchor).toEqual({ status: "orphan" });
    expect(list.annotations[0]!.quote.exact).toBe("Zdanie, którego nie ma w nocie ani w żadnym źródle.");
  });

  it("places a quotation with a typo by a close match where its context fits", async () => {
    const exact = edition.text.slice(200, 260);
    const typo = `${exact.slice(0, 20)}x${exact.slice(21)}`;
    const { report } = await importAs(
      outsider,
      web(typo, { prefix: edition.text.slice(168, 200), suffix: edition.text.slice(260, 292) }),
      {
        into: "mine",
      },
    );
    expect(report.placed.fuzzy + report.placed.exact + report.placed.moved).toBe(1);
    expect(report.orphans).toEqual([]);
  });
});

describe("a position alone", () => {
  it("places a note by the position in the edition its target names, counted in code points; without a named edition, lists why not", async () => {
    const text = "Szyfr 𝔄 i znak 😀 w depeszy. Druga fraza o pakcie. Trzecia fraza.";
    const { slug } = await createSource(teacher.actor, group.id, newSourceInput(text), []);
    const quote = "Druga fraza";
    const start = Array.from(text.slice(0, text.indexOf(quote))).length;
    const entry = (n: number, source: string, selector: Record<string, unknown>) => ({
      type: "Annotation",
      id: `urn:test:position:${n}`,
      motivation: "highlighting",
      target: { source, selector },
    });
    const { report } = await importAs(
      teacher,
      JSON.stringify([
        entry(1, `${ORIGIN}/sources/${slug}?edition=1`, {
          type: "TextPositionSelector",
          start,
          end: start + quote.length,
        }),
        entry(2, `${ORIGIN}/sources/${slug}`, { type: "TextPositionSelector", start, end: start + 5 }),
        entry(3, `${ORIGIN}/sources/${slug}?edition=1`, { type: "TextPositionSelector", start: 60, end: 90 }),
        entry(4, `${ORIGIN}/sources/${slug}?edition=7`, {
          type: "TextPositionSelector",
          start,
          end: start + 5,
        }),
      ]),
      { into: "mine" },
    );
    expect(report).toMatchObject({ imported: 1, placed: { exact: 1, moved: 0, fuzzy: 0 }, orphans: [] });
    expect(report.rejected).toEqual([
      { index: 2, reason: "noQuote" },
      { index: 3, reason: "positionNotInEdition" },
      { index: 4, reason: "noQuote" },
    ]);
    const list = await listAnnotations(teacher.actor, slug, "none");
    expect(list.annotations).toHaveLength(1);
    expect(list.annotations[0]!.quote.exact).toBe(quote);
    expect(list.annotations[0]!.anchor).toMatchObject({ status: "anchored", start: text.indexOf(quote) });
    // Exported, its place is in code points again: the file's own numbers.
    const collection = JSON.parse(await exportOf(teacher)) as {
      first: { items: { target: { source: string; selector: { type: string; start?: number }[] } }[] };
    };
    const item = collection.first.items.find((i) => i.target.source.includes(`/sources/${slug}?`));
    expect(item!.target.selector).toContainEqual({
      type: "TextPositionSelector",
      start,
      end: start + quote.length,
    });
  });
});

describe("Hypothesis's export", () => {
  const hypothesis = (uri: string) =>
    JSON.stringify({
      export_date: "2026-11-30T10:00:00Z",
      export_userid: "acct:zofia@hypothes.is",
      client_version: "1.0",
      annotations: [
        {
          id: "h1",
          created: "2026-03-01T10:00:00Z",
          user: "acct:zofia@hypothes.is",
          user_info: { display_name: "Zofia Łęcka" },
          uri,
          // Hypothesis's notes are Markdown.
          text: "Compare the **Polish note** of 1934:\n\n- its date\n- [its text](https://example.org/1934)",
          tags: ["pakt"],
          target: [
            {
              source: uri,
              selector: [
                {
                  type: "TextQuoteSelector",
                  exact: edition.text.slice(500, 540),
                  prefix: edition.text.slice(468, 500),
                  suffix: edition.text.slice(540, 572),
                },
                { type: "TextPositionSelector", start: 9_999, end: 10_039 },
              ],
            },
          ],
        },
        {
          id: "h2",
          user: "acct:jan@hypothes.is",
          uri,
          text: "Indeed.",
          references: ["h1"],
          target: [{ source: uri }],
        },
        { id: "h3", uri, text: "", target: [{ source: uri }] },
        "not an annotation",
      ],
    });

  it("needs a source for a web page's annotations, then places them; says why the others were not imported", async () => {
    const page = "https://example.org/soviet-note.html";
    const without = await importAs(teacher, hypothesis(page), { into: "mine" }, "application/json");
    expect(without.report).toMatchObject({ format: "hypothesis", imported: 0 });
    expect(without.report.rejected).toEqual([
      { index: 1, reason: "unknownSource" },
      { index: 2, reason: "replyWithoutThread" },
      { index: 3, reason: "unknownSource" },
      { index: 4, reason: "notAnAnnotation" },
    ]);

    const { report } = await importAs(
      teacher,
      hypothesis(page),
      { into: "mine", source: edition.slug },
      "application/json",
    );
    expect(report).toMatchObject({ imported: 1, replies: 1, placed: { exact: 0, moved: 1, fuzzy: 0 } });
    expect(report.rejected).toEqual([
      { index: 3, reason: "noQuote" },
      { index: 4, reason: "notAnAnnotation" },
    ]);
    const list = await listAnnotations(teacher.actor, edition.slug, "none");
    expect(list.annotations[0]).toMatchObject({
      anchor: { status: "anchored", start: 500, end: 540 },
      tags: ["pakt"],
    });
    expect(list.annotations[0]!.bodyHtml).toBe(
      "<p>Compare the <strong>Polish note</strong> of 1934:</p><ul><li><p>its date</p></li>" +
        '<li><p><a href="https://example.org/1934" rel="noopener nofollow ugc">its text</a></p></li></ul>' +
        "<p></p><p>Written by Zofia Łęcka, Mar 1, 2026 (imported).</p>",
    );
    expect(list.annotations[0]!.replies[0]!.bodyHtml).toContain("Written by jan (imported).");
  });
});

describe("refusals", () => {
  it("refuses a group the importer is not in, a shared note outside a group, bad files; saving nothing", async () => {
    const before = await testDatabase().prisma.annotation.count();
    expect((await importAs(outsider, exported, { into: group.id })).status).toBe(422);
    expect((await importAs(outsider, exported, { into: "mine", visibility: "group" })).status).toBe(422);
    const notJson = await importAs(outsider, "{", { into: "mine" });
    expect(notJson).toMatchObject({ status: 422, report: { error: { message: "importNotJson" } } });
    const other = await importAs(outsider, JSON.stringify({ hello: "world" }), { into: "mine" });
    expect(other.report.error?.message).toBe("importUnknownFormat");
    const big = await importAs(outsider, `[${" ".repeat(20 * 1024 * 1024)}]`, { into: "mine" });
    expect(big).toMatchObject({ status: 413, report: { error: { message: "importTooLarge" } } });
    const plain = await importAs(outsider, exported, { into: "mine" }, "text/plain");
    expect(plain.status).toBe(400);
    const tooMany = await importAs(outsider, JSON.stringify(Array.from({ length: 20_001 }, () => ({}))), {
      into: "mine",
    });
    expect(tooMany.report.error?.message).toBe("importTooMany");
    expect(await testDatabase().prisma.annotation.count()).toBe(before);
  });

  it("takes at most IMPORTS_PER_HOUR imports an hour from one account (429, counted before the file is read)", async () => {
    const busy = await createUser();
    for (let i = 0; i < IMPORTS_PER_HOUR; i++)
      expect((await importAs(busy, "{", { into: "mine" })).status).toBe(422);
    const refused = await importAs(busy, exported, { into: "mine" });
    expect(refused).toMatchObject({ status: 429, report: { error: { message: "importRateLimited" } } });
    expect(refused.report.error).toMatchObject({ details: { retryAfterSeconds: expect.any(Number) } });
    expect(await countOf(busy)).toBe(0);
    // Someone else's allowance is their own.
    expect((await importAs(await createUser(), exported, { into: "mine" })).status).toBe(200);
  });
});
