/**
 * Exports (issue 15): a user's own notes, a group's and an assignment's, as W3C Web Annotation
 * JSON-LD (checked against the Data Model's MUSTs, tests/support/web-annotation-musts.ts), CSV and
 * Markdown, and each annotation's own JSON-LD URL: through the route handlers, as an API client
 * calls them. Who gets what (private, hidden, withheld, other groups', ex-members'), and that a large
 * export is read in batches.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { hideAnnotation } from "@/lib/annotations/hide-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { getAssignmentWork } from "@/lib/assignments/get-assignment-work";
import { openExport } from "@/lib/export/open-export";
import { readExportThreads, type ExportClient } from "@/lib/export/read-export-threads";
import { streamExport } from "@/lib/export/stream-export";
import { removeMember } from "@/lib/groups/remove-member";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, type TestGroup, type TestUser } from "../support/factories";
import { session } from "../support/fake-current-user";
import { testDatabase } from "../support/test-database";
import { annotationProblems, collectionProblems, pageProblems } from "../support/web-annotation-musts";

vi.mock("@/lib/auth/get-current-user", () => import("../support/fake-current-user"));
vi.mock("@/lib/auth/auth", () => ({ signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn(async () => null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: () => undefined, set: () => {}, delete: () => {} }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ refresh: () => {}, revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Json = Record<string, unknown>;

let edition: TestEdition;
let instructor: TestUser, anna: TestUser, bartek: TestUser, outsider: TestUser, leaver: TestUser;
let group: TestGroup;
const notes: Record<string, string> = {};
let assignmentId: string;

/** The edition's text of sentence `n` (1-based) as the importer cut it. */
async function sentenceText(n: number): Promise<string> {
  const passage = await testDatabase().prisma.passage.findFirstOrThrow({
    where: { edition: { source: { slug: edition.slug }, number: edition.number }, number: n },
    select: { start: true, end: true },
  });
  return edition.text.slice(passage.start, passage.end);
}

beforeAll(async () => {
  edition = await importedEdition("soviet-note");
  [instructor, anna, bartek, outsider, leaver] = await Promise.all([
    createUser({ name: "Irena Instructor" }),
    createUser({ name: "Anna Nowak", locale: "en" }),
    createUser({ name: "Bartek Kowal" }),
    createUser(),
    createUser({ name: "Leon Leaver" }),
  ]);
  group = await createGroupWith({ instructor, students: [anna, bartek, leaver], name: "Seminar 1939" });
  const first = (await sentenceText(1)).slice(0, 20);
  const second = (await sentenceText(2)).slice(0, 20);
  const last = (await sentenceText(5)).slice(0, 20);
  const make = async (user: TestUser, quote: string, options: Parameters<typeof annotationInput>[2]) =>
    (await createAnnotation(user.actor, annotationInput(edition, quote, options))).id;
  notes.annaShared = await make(anna, first, {
    groupId: group.id,
    visibility: "group",
    tags: ["border", "=cmd"],
    body: "=1+1 is a formula; <b>bold</b> is text, and the note is written in English",
  });
  notes.annaPrivate = await make(anna, second, {
    groupId: group.id,
    visibility: "private",
    body: "Anna's own draft",
  });
  notes.annaPersonal = await make(anna, last, { groupId: null, visibility: "private", body: "Anna alone" });
  notes.bartekSecret = await make(bartek, second, {
    groupId: group.id,
    visibility: "private",
    body: "Bartek's secret",
  });
  notes.bartekHidden = await make(bartek, first, {
    groupId: group.id,
    visibility: "group",
    body: "Bartek hidden",
  });
  notes.bartekToStaff = await make(bartek, last, {
    groupId: group.id,
    visibility: "instructors",
    body: "For staff",
  });
  notes.bartekShared = await make(bartek, last, {
    groupId: group.id,
    visibility: "group",
    body: "Bartek shared",
  });
  notes.instructorPrivate = await make(instructor, first, {
    groupId: group.id,
    visibility: "private",
    body: "Irena's own",
  });
  notes.leaverShared = await make(leaver, second, {
    groupId: group.id,
    visibility: "group",
    body: "Leon's note",
  });
  notes.bartekReply = (
    await replyToAnnotation(bartek.actor, notes.annaShared, { body: bodyFromPlainText("Bartek replies") })
  ).id;
  notes.instructorReply = (
    await replyToAnnotation(instructor.actor, notes.annaShared, { body: bodyFromPlainText("Irena replies") })
  ).id;
  notes.annaReplyElsewhere = (
    await replyToAnnotation(anna.actor, notes.bartekShared, { body: bodyFromPlainText("Anna on Bartek's") })
  ).id;
  notes.hiddenReply = (
    await replyToAnnotation(bartek.actor, notes.annaShared, { body: bodyFromPlainText("Reply to hide") })
  ).id;
  await hideAnnotation(instructor.actor, notes.bartekHidden, { reason: "Off topic" });
  await hideAnnotation(instructor.actor, notes.hiddenReply, { reason: "Off topic" });
  await removeMember(instructor.actor, group.id, leaver.id);
  ({ id: assignmentId } = await createAssignment(instructor.actor, group.id, {
    title: "Week 1",
    opensAt: "2026-01-01T10:00",
    dueAt: "2036-01-01T10:00",
    timeZone: "Europe/Warsaw",
    readings: JSON.stringify([{ source: edition.slug, firstSentence: 1, lastSentence: 2 }]),
  }));
});
beforeEach(() => {
  session.user = null;
});
afterAll(() => {
  session.user = null;
});

async function call(
  modulePath: string,
  path: string,
  as: TestUser | null,
  params: Record<string, string> = {},
): Promise<Response> {
  session.user = as ? { id: as.id } : null;
  const handler = (await import(/* @vite-ignore */ modulePath)).GET as Handler;
  // A forged Host: links must never be made from it.
  const request = new Request(`https://evil.example${path}`, { headers: { host: "evil.example" } });
  return handler(request, { params: Promise.resolve(params) });
}

const MINE = "@/app/api/exports/mine/route";
const GROUP = "@/app/api/exports/groups/[id]/route";
const ASSIGNMENT = "@/app/api/exports/assignments/[id]/route";
const ONE = "@/app/api/annotations/[id]/jsonld/route";

async function collection(response: Response): Promise<{ doc: Json; items: Json[]; ids: string[] }> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe(
    'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  );
  const doc = JSON.parse(await response.text()) as Json;
  expect(collectionProblems(doc)).toEqual([]);
  const items = (doc.first as { items: Json[] }).items;
  return {
    doc,
    items,
    ids: items.map((item) => String(item.id).match(/annotations\/([^/]+)\/jsonld$/u)![1]!),
  };
}

const idOf = (name: string) => notes[name]!;

describe("a user's own export", () => {
  it("holds every note and reply they wrote and the replies they read in their threads, as valid JSON-LD", async () => {
    const { doc, ids, items } = await collection(
      await call(MINE, "/api/exports/mine?format=jsonld&locale=en", anna),
    );
    expect(new Set(ids)).toEqual(
      new Set(
        [
          "annaShared",
          "annaPrivate",
          "annaPersonal",
          "bartekReply",
          "instructorReply",
          "annaReplyElsewhere",
        ].map(idOf),
      ),
    );
    expect(doc.total).toBe(6);
    expect(doc.label).toBe("My notes in Glossa");
    const shared = items.find((item) => String(item.id).includes(idOf("annaShared")))!;
    expect(shared).toMatchObject({
      type: "Annotation",
      motivation: "commenting",
      creator: { type: "Person", name: "Anna Nowak" },
      target: {
        source: expect.stringMatching(/\/sources\/soviet-note\?edition=\d+$/u),
        selector: [{ type: "TextQuoteSelector" }, { type: "TextPositionSelector" }],
      },
    });
    expect(shared.body).toEqual([
      expect.objectContaining({
        type: "TextualBody",
        format: "text/html",
        // The language the note is written in (not its writer's interface language, Polish here).
        language: "en",
        purpose: "commenting",
      }),
      { type: "TextualBody", value: "border", format: "text/plain", purpose: "tagging" },
      { type: "TextualBody", value: "=cmd", format: "text/plain", purpose: "tagging" },
    ]);
    const reply = items.find((item) => String(item.id).includes(idOf("bartekReply")))!;
    expect(reply).toMatchObject({ motivation: "replying", target: shared.id });
    const elsewhere = items.find((item) => String(item.id).includes(idOf("annaReplyElsewhere")))!;
    expect(elsewhere.target).toBe(String(shared.id).replace(idOf("annaShared"), idOf("bartekShared")));
    // Never on the Host the request named.
    expect(JSON.stringify(doc)).not.toContain("evil.example");
  });

  it("leaves out others' private and hidden notes and hidden replies", async () => {
    const text = await (await call(MINE, "/api/exports/mine?format=jsonld", anna)).text();
    for (const secret of ["Bartek's secret", "Bartek hidden", "For staff", "Reply to hide", "Irena's own"]) {
      expect(text).not.toContain(secret);
    }
  });

  it("keeps an ex-member's own notes in the group they left", async () => {
    const { ids } = await collection(await call(MINE, "/api/exports/mine", leaver));
    expect(ids).toEqual([idOf("leaverShared")]);
  });

  it("is an empty collection, without a page, for someone who wrote nothing", async () => {
    const response = await call(MINE, "/api/exports/mine", outsider);
    const doc = JSON.parse(await response.text()) as Json;
    expect(collectionProblems(doc)).toEqual([]);
    expect(doc).toMatchObject({ type: "AnnotationCollection", total: 0 });
    expect(doc.first).toBeUndefined();
    expect((await call(MINE, "/api/exports/mine?page=1", outsider)).status).toBe(404);
  });

  it("asks a signed-out caller to sign in", async () => {
    expect((await call(MINE, "/api/exports/mine", null)).status).toBe(401);
  });

  it("serves the collection's page as an AnnotationPage document", async () => {
    const response = await call(MINE, "/api/exports/mine?format=jsonld&page=1", anna);
    const page = JSON.parse(await response.text()) as Json;
    expect(pageProblems(page, true)).toEqual([]);
    expect((page.items as unknown[]).length).toBe(6);
  });
});

describe("a group's export", () => {
  it("gives its staff the shared notes with their readable replies, never private or hidden ones", async () => {
    const { ids } = await collection(
      await call(GROUP, "/api/exports/groups/x?format=jsonld", instructor, { id: group.id }),
    );
    expect(new Set(ids)).toEqual(
      new Set(
        [
          "annaShared",
          "bartekReply",
          "instructorReply",
          "bartekToStaff",
          "bartekShared",
          "annaReplyElsewhere",
          "leaverShared",
        ].map(idOf),
      ),
    );
  });

  it("refuses its students (403), outsiders and ex-members (404), and anyone signed out (401)", async () => {
    const ask = (user: TestUser | null, id = group.id) => call(GROUP, "/api/exports/groups/x", user, { id });
    expect((await ask(anna)).status).toBe(403);
    expect((await ask(outsider)).status).toBe(404);
    expect((await ask(leaver)).status).toBe(404);
    expect((await ask(null)).status).toBe(401);
    expect((await ask(instructor, "no-such-group")).status).toBe(404);
  });

  it("writes CSV with a BOM, a translated header, one row per annotation and formulas defused", async () => {
    const response = await call(GROUP, "/api/exports/groups/x?format=csv&locale=en", instructor, {
      id: group.id,
    });
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="glossa-notes-.*\.csv"$/u,
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\ufeffAnnotation,Reply to,Motivation,Author,")).toBe(true);
    const rows = text.trimEnd().split("\r\n");
    expect(rows).toHaveLength(1 + 7);
    expect(text).toContain("'=1+1 is a formula");
    expect(text).toContain('"border; =cmd"');
    expect(text).not.toContain("Bartek's secret");
  });

  it("writes Markdown with the quotation, sentence numbers, links and replies nested", async () => {
    const response = await call(GROUP, "/api/exports/groups/x?format=markdown&locale=pl", instructor, {
      id: group.id,
    });
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    const text = await response.text();
    expect(text.startsWith("# Notatki: Seminar 1939\n")).toBe(true);
    expect(text).toMatch(/^## .*, zd\. 1$/mu);
    expect(text).toMatch(/^## .*, zd\. 5$/mu);
    expect(text).toMatch(/^> /mu);
    expect(text).toMatch(/\[otwórz w Glossie\]\(<http[^>]+\/pl\/sources\/soviet-note\/1>\)/u);
    expect(text).toMatch(/^- \*\*Bartek Kowal\*\* · .*\n\n {2}Bartek replies$/mu);
    expect(text).toContain("\\<b\\>bold\\</b\\>");
    expect(text).not.toContain("Reply to hide");
  });
});

describe("an assignment's export", () => {
  it("gives its staff the shared notes on the assigned sentences", async () => {
    const { ids } = await collection(
      await call(ASSIGNMENT, "/api/exports/assignments/x", instructor, { id: assignmentId }),
    );
    expect(new Set(ids)).toEqual(
      new Set(["annaShared", "bartekReply", "instructorReply", "leaverShared"].map(idOf)),
    );
  });

  it("refuses its students (403) and outsiders (404)", async () => {
    expect((await call(ASSIGNMENT, "/", anna, { id: assignmentId })).status).toBe(403);
    expect((await call(ASSIGNMENT, "/", outsider, { id: assignmentId })).status).toBe(404);
  });
});

describe("an assignment's work to print", () => {
  it("gives its staff the export's threads grouped by who started them, in reading order", async () => {
    const work = await getAssignmentWork(instructor.actor, assignmentId, "en");
    expect(work.title).toBe("Week 1");
    expect(work.threadCount).toBe(2);
    expect(work.students.map((student) => student.name)).toEqual(["Anna Nowak", "Leon Leaver"]);
    const [annas, leons] = work.students;
    expect(annas!.threads.map((thread) => thread.root.id)).toEqual([idOf("annaShared")]);
    expect(annas!.threads[0]!.root.sentences).toEqual({ first: 1, last: 1 });
    // Replies the staff read, hidden ones left out as in the export.
    expect(annas!.threads[0]!.replies.map((reply) => reply.id)).toEqual(
      ["bartekReply", "instructorReply"].map(idOf),
    );
    expect(leons!.threads.map((thread) => thread.root.id)).toEqual([idOf("leaverShared")]);
  });

  it("is refused to its students and unknown to outsiders", async () => {
    await expect(getAssignmentWork(anna.actor, assignmentId, "en")).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(getAssignmentWork(outsider.actor, assignmentId, "en")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("an annotation's own JSON-LD", () => {
  it("is a valid Web Annotation whose id is its own URL, for whoever reads it", async () => {
    const response = await call(ONE, "/", bartek, { id: idOf("annaShared") });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    );
    const doc = JSON.parse(await response.text()) as Json;
    expect(annotationProblems(doc, true)).toEqual([]);
    expect(String(doc.id)).toMatch(new RegExp(`/api/annotations/${idOf("annaShared")}/jsonld$`, "u"));
  });

  it("is not found for what the caller may not read", async () => {
    const status = async (user: TestUser | null, name: string) =>
      (await call(ONE, "/", user, { id: idOf(name) })).status;
    expect(await status(anna, "bartekSecret")).toBe(404);
    expect(await status(anna, "bartekHidden")).toBe(404);
    expect(await status(anna, "bartekToStaff")).toBe(404);
    expect(await status(anna, "hiddenReply")).toBe(404);
    expect(await status(outsider, "annaShared")).toBe(404);
    expect(await status(null, "annaShared")).toBe(404);
    expect(await status(leaver, "annaShared")).toBe(404);
    expect(await status(leaver, "leaverShared")).toBe(200);
  });

  it.each(["", "a b", "x".repeat(65), "\u0000", "../../etc", "%ZZ"])(
    "answers a malformed id %j with 404",
    async (id) => {
      expect((await call(ONE, "/", anna, { id })).status).toBe(404);
    },
  );
});

describe("a large export", () => {
  const COUNT = 3_000;

  beforeAll(async () => {
    const prisma = testDatabase().prisma;
    const target = await prisma.edition.findFirstOrThrow({
      where: { source: { slug: edition.slug }, number: edition.number },
      select: { id: true, sourceId: true },
    });
    const base = Date.UTC(2026, 5, 1);
    await prisma.annotation.createMany({
      data: Array.from({ length: COUNT }, (_, n) => ({
        sourceId: target.sourceId,
        editionId: target.id,
        groupId: group.id,
        authorId: bartek.id,
        kind: "COMMENT" as const,
        visibility: "GROUP" as const,
        quoteExact: edition.text.slice(0, 10),
        positionStart: 0,
        positionEnd: 10,
        bodyText: `Bulk note ${n}`,
        bodyHtml: `<p>Bulk note ${n}</p>`,
        // Some share a millisecond: the keyset breaks ties by id.
        createdAt: new Date(base + Math.floor(n / 3)),
      })),
    });
  });

  it("is read in batches by keyset, every annotation once", async () => {
    const prisma = testDatabase().prisma;
    const queries: { take?: number }[] = [];
    const client = {
      annotation: {
        findMany: (args: { take?: number }) => {
          queries.push(args);
          return prisma.annotation.findMany(args as never);
        },
      },
      passage: prisma.passage,
    } as unknown as ExportClient;
    const scope = await openExport(bartek.actor, { kind: "mine" });
    let threads = 0;
    let largest = 0;
    const seen = new Set<string>();
    for await (const batch of readExportThreads(client, scope, "en", 500)) {
      threads += batch.length;
      largest = Math.max(largest, batch.length);
      for (const thread of batch) seen.add(thread.root.id);
    }
    expect(threads).toBeGreaterThanOrEqual(COUNT);
    expect(seen.size).toBe(threads);
    expect(largest).toBeLessThanOrEqual(500);
    const rootQueries = queries.filter((query) => query.take !== undefined);
    expect(rootQueries.length).toBeGreaterThanOrEqual(COUNT / 500);
    expect(rootQueries.every((query) => query.take === 500)).toBe(true);
  });

  it("streams the whole collection through the route, counted right", async () => {
    const { doc } = await collection(await call(MINE, "/api/exports/mine", bartek));
    // Bartek's own: the bulk notes, his four notes, his two replies (the hidden one is his own) and
    // Anna's reply in his thread.
    expect(doc.total).toBe(COUNT + 4 + 2 + 1);
  });

  it("writes its first bytes before reading past the first batch", async () => {
    const prisma = testDatabase().prisma;
    let reads = 0;
    const client = {
      annotation: {
        findMany: (args: unknown) => {
          reads++;
          return prisma.annotation.findMany(args as never);
        },
      },
      passage: prisma.passage,
    } as unknown as ExportClient;
    const file = await streamExport(
      bartek.actor,
      { kind: "mine" },
      {
        format: "csv",
        locale: "en",
        url: "https://glossa.example/api/exports/mine",
        readerOrigin: undefined,
        client,
        batchSize: 100,
      },
    );
    const reader = file.body.getReader();
    await reader.read(); // the header
    await reader.read(); // the first batch
    expect(reads).toBeLessThanOrEqual(4);
    await reader.cancel();
  });
});
