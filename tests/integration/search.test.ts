/**
 * Search (lib/search) on a real database: the sentences of the built-in sources and the notes a
 * caller may read, with diacritics folded, Polish inflection tolerated, quoted phrases matched
 * exactly, filters and paging. Who may read which note is the policy's: the matrix of callers is in
 * authorization-matrix.test.ts ("search").
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { foldText } from "@/lib/search/fold-text";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import type { Actor } from "@/lib/auth/policy";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import {
  createGroupWith,
  createUser,
  outcome,
  uniqueKey,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { testDatabase } from "../support/test-database";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { createSource } from "@/lib/sources/create-source";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { MINUTES_REVISED, MINUTES_TEXT } from "../support/revised-minutes";
import { newSourceInput } from "../support/source-factories";

const search = (actor: Actor, query: Record<string, string>) =>
  searchLibrary(actor, SearchInputSchema.parse(query));
const places = (found: Awaited<ReturnType<typeof search>>) =>
  found.passages.items.map((p) => `${p.source.slug} ${p.sentence}`);
const marked = (snippet: { text: string; highlights: { start: number; end: number }[] }) =>
  snippet.highlights.map((h) => snippet.text.slice(h.start, h.end));

let soviet: TestEdition;
let kuty: TestEdition;
let reader: TestUser, classmate: TestUser;
let group: TestGroup;

beforeAll(async () => {
  soviet = await importedEdition("soviet-note");
  kuty = await importedEdition("kuty-directive");
  [reader, classmate] = await Promise.all([
    createUser({ name: "Reader" }),
    createUser({ name: "Classmate" }),
  ]);
  group = await createGroupWith({ instructor: reader, students: [classmate] });
});

describe("folding", () => {
  it("folds a query in JavaScript exactly as the database folds its search columns", async () => {
    const samples = [
      "Rydz- Śmigły",
      "MOŚCICKI",
      "Łódź, żółć — gęślą jaźń",
      "dyrektywę ogólną",
      "Straße «œuvre»",
      "ZSRR/RP: 17 września 1939 r.",
      "Grzybowskiemu!",
      "  spaces\tand\nlines  ",
    ];
    for (const sample of samples) {
      const [row] = await testDatabase().query<{ folded: string }>("SELECT search_fold($1) AS folded", [
        sample,
      ]);
      expect(row!.folded.trim(), sample).toBe(foldText(sample));
    }
  });
});

describe("sentences", () => {
  it.each([
    ["Moscicki", "moscicki-address", "Mościcki"],
    ["Smigly", "kuty-directive", "Śmigły"],
    ["Grzybowski", "soviet-note", "Grzybowskiemu"],
    ["dyrektywa", "kuty-directive", "dyrektywę"],
    ["WRZEŚNIA", "kuty-directive", "września"],
  ])("%s finds %s with “%s” highlighted", async (query, slug, word) => {
    const found = await search(null, { q: query, type: "passages", limit: "50" });
    const hit = found.passages.items.find((p) => p.source.slug === slug && marked(p.original).includes(word));
    expect(hit, JSON.stringify(found.passages.items.map((p) => p.original))).toBeDefined();
  });

  it("finds the working translation and shows the original beside it", async () => {
    const found = await search(null, { q: "directive", type: "passages" });
    const hit = found.passages.items.find((p) => p.source.slug === "kuty-directive");
    expect(hit?.translation && marked(hit.translation).map((w) => w.toLowerCase())).toContain("directive");
    expect(hit?.original.text).toContain("dyrektyw");
  });

  it("needs every word, and a quoted phrase whole and in order", async () => {
    const both = await search(null, { q: "Rydz Smigly", type: "passages" });
    expect(places(both)).toContain("kuty-directive 1");
    const phrase = await search(null, { q: '"rydz smigly"', type: "passages" });
    expect(places(phrase)).toContain("kuty-directive 1");
    expect(marked(phrase.passages.items[0]!.original)).toEqual(["Rydz- Śmigły"]);
    // Reversed, or cut short, the phrase is not in the text.
    expect((await search(null, { q: '"smigly rydz"', type: "passages" })).passages.total).toBe(0);
    expect((await search(null, { q: '"rydz smig"', type: "passages" })).passages.total).toBe(0);
    expect((await search(null, { q: "Rydz Kowalski", type: "passages" })).passages.total).toBe(0);
  });

  it("filters by source and pages through the results", async () => {
    const all = await search(null, { q: "wrzesnia", type: "passages", limit: "50" });
    expect(new Set(all.passages.items.map((p) => p.source.slug)).size).toBeGreaterThan(1);
    const one = await search(null, { q: "wrzesnia", type: "passages", source: "soviet-note" });
    expect(one.passages.items.every((p) => p.source.slug === "soviet-note")).toBe(true);
    const first = await search(null, { q: "wrzesnia", type: "passages", limit: "1" });
    const second = await search(null, { q: "wrzesnia", type: "passages", limit: "1", page: "2" });
    expect(first.passages.total).toBe(all.passages.total);
    expect(places(second)).toEqual(places(all).slice(1, 2));
  });

  it("finds a sentence after characters outside the BMP by its own words (its offsets count UTF-16 units)", async () => {
    const word = `szyfrogram${uniqueKey().replace(/[^a-z0-9]/gi, "")}`;
    const text = `Znak 😀 i znak 𠀋 w pierwszym zdaniu. Drugie zdanie niesie ${word} z depeszy. Trzecie zdanie.`;
    const { slug } = await createSource(reader.actor, group.id, newSourceInput(text), []);
    const found = await search(reader.actor, { q: word, type: "passages" });
    expect(places(found)).toEqual([`${slug} 2`]);
    expect(marked(found.passages.items[0]!.original)).toEqual([word]);
    // Folded again from the edition alone (as a migration does), the database gives the same.
    await testDatabase().query(
      `UPDATE "Passage" p SET "start" = p."start" FROM "Edition" e, "Source" s
       WHERE e."id" = p."editionId" AND s."id" = e."sourceId" AND s."slug" = $1`,
      [slug],
    );
    const again = await testDatabase().query<{ searchText: string }>(
      `SELECT p."searchText" FROM "Passage" p JOIN "Edition" e ON e."id" = p."editionId"
       JOIN "Source" s ON s."id" = e."sourceId" WHERE s."slug" = $1 ORDER BY p."number"`,
      [slug],
    );
    expect(again.map((row) => row.searchText)).toEqual([
      " znak i znak w pierwszym zdaniu ",
      ` drugie zdanie niesie ${word.toLowerCase()} z depeszy `,
      " trzecie zdanie ",
    ]);
  });

  it("refuses a query with nothing to search for", async () => {
    expect((await outcome(() => search(null, { q: "?!… —" }))).outcome).toBe("INVALID");
    expect(SearchInputSchema.safeParse({ q: "x".repeat(201) }).success).toBe(false);
  });
});

describe("notes", () => {
  let noteId: string;
  let replyId: string;

  beforeAll(async () => {
    const note = await createAnnotation(
      classmate.actor,
      annotationInput(soviet, "Wacławowi Grzybowskiemu", {
        groupId: group.id,
        visibility: "group",
        kind: "question",
        tags: ["dyplomacja"],
        body: "Czy ambasador Grzybowski przyjął notę? Łączność z Moskwą była zerwana.",
      }),
    );
    noteId = note.id;
    const reply = await replyToAnnotation(reader.actor, note.id, {
      body: bodyFromPlainText("Odmówił przyjęcia noty, zob. relacje Grzybowskiego."),
    });
    replyId = reply.id;
    await createAnnotation(
      reader.actor,
      annotationInput(kuty, "dyrektywę ogólną", { body: "Moja prywatna uwaga o dyrektywie." }),
    );
  });

  it("finds notes and replies by their body, with diacritics folded and inflection tolerated", async () => {
    const found = await search(reader.actor, { q: "lacznosc moskwa", type: "notes" });
    expect(found.notes.items.map((n) => n.id)).toEqual([noteId]);
    expect(marked(found.notes.items[0]!.body)).toEqual(["Łączność", "Moskwą"]);
    const inflected = await search(reader.actor, { q: "Grzybowski", type: "notes" });
    expect(inflected.notes.items.map((n) => n.id).sort()).toEqual([noteId, replyId].sort());
    const reply = inflected.notes.items.find((n) => n.id === replyId)!;
    expect(reply).toMatchObject({ kind: "reply", threadId: noteId, source: { slug: "soviet-note" } });
    expect(reply.sentence).toBe(inflected.notes.items.find((n) => n.id === noteId)!.sentence);
  });

  it("finds a note by its tag and by the passage it quotes", async () => {
    expect(
      (await search(reader.actor, { q: "dyplomacja", type: "notes" })).notes.items.map((n) => n.id),
    ).toEqual([noteId]);
    const quoted = await search(reader.actor, { q: '"waclawowi grzybowskiemu"', type: "notes" });
    expect(quoted.notes.items.map((n) => n.id)).toEqual([noteId]);
    expect(marked(quoted.notes.items[0]!.quote)).toEqual(["Wacławowi Grzybowskiemu"]);
  });

  it("filters by source, group, author, tag, kind and date", async () => {
    const ids = async (query: Record<string, string>) =>
      (await search(reader.actor, { q: "grzybowski", type: "notes", ...query })).notes.items
        .map((n) => n.id)
        .sort();
    expect(await ids({ author: classmate.id })).toEqual([noteId]);
    expect(await ids({ kind: "reply" })).toEqual([replyId]);
    expect(await ids({ kind: "question" })).toEqual([noteId]);
    expect(await ids({ kind: "comment" })).toEqual([]);
    expect(await ids({ tag: "dyplomacja" })).toEqual([noteId]);
    expect(await ids({ source: "kuty-directive" })).toEqual([]);
    expect(await ids({ group: group.id })).toEqual([noteId, replyId].sort());
    expect(await ids({ group: "none" })).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids({ from: today, to: today })).toEqual([noteId, replyId].sort());
    expect(await ids({ to: "2001-01-01" })).toEqual([]);
    // A note-only filter leaves the passages out: they have no author.
    const withAuthor = await search(reader.actor, { q: "grzybowski", author: classmate.id });
    expect(withAuthor.passages.total).toBe(0);
  });

  it("filters by a tag whatever its case and diacritics, as the search box takes words, and only by tags", async () => {
    const key = `telegram${uniqueKey().replace(/[^a-z0-9]/gi, "")}`;
    const write = (tags: string[], body: string) =>
      createAnnotation(
        classmate.actor,
        annotationInput(soviet, "Oficjalny pretekst agresji", {
          groupId: group.id,
          visibility: "group",
          tags,
          body: `${key} ${body}`,
        }),
      );
    const tagged = await write(["Łączność"], "with the tag");
    await write([], "łączność only in the text");
    const ids = async (tag: string) =>
      (await search(reader.actor, { q: key, type: "notes", tag })).notes.items.map((n) => n.id);
    for (const tag of ["Łączność", "lacznosc", "ŁĄCZNOŚĆ", " #łączność "]) {
      expect(await ids(tag.trim().replace(/^#/u, "")), tag).toEqual([tagged.id]);
    }
    expect(await ids("lacznos")).toEqual([]);
  });

  it("keeps a private note to its author", async () => {
    expect((await search(reader.actor, { q: "dyrektywie", type: "notes" })).notes.total).toBe(1);
    expect((await search(classmate.actor, { q: "dyrektywie", type: "notes" })).notes.total).toBe(0);
    expect((await search(null, { q: "dyrektywie", type: "notes" })).notes.total).toBe(0);
  });

  it("pages notes newest first, counting them all", async () => {
    const first = await search(reader.actor, { q: "grzybowski", type: "notes", limit: "1" });
    const second = await search(reader.actor, { q: "grzybowski", type: "notes", limit: "1", page: "2" });
    expect(first.notes.total).toBe(2);
    expect([...first.notes.items, ...second.notes.items].map((n) => n.id)).toEqual([replyId, noteId]);
  });
});

describe("counting", () => {
  it("counts ten pages past the page shown (never past the last one may ask for), then says there are more", async () => {
    const prisma = testDatabase().prisma;
    const edition = await prisma.edition.findFirstOrThrow({
      where: { source: { slug: "soviet-note" } },
      orderBy: { number: "desc" },
      select: { id: true, sourceId: true },
    });
    const marker = `liczenie${Date.now().toString(36)}`;
    const note = (i: number) => ({
      sourceId: edition.sourceId,
      editionId: edition.id,
      authorId: reader.id,
      groupId: null,
      visibility: "PRIVATE" as const,
      kind: "COMMENT" as const,
      quoteExact: soviet.text.slice(10, 20),
      positionStart: 10,
      positionEnd: 20,
      bodyText: `${marker} ${i}`,
      tags: [],
    });
    await prisma.annotation.createMany({ data: Array.from({ length: 102 }, (_, i) => note(i)) });
    const notes = (page: number, limit: number) =>
      search(reader.actor, { q: marker, type: "notes", limit: String(limit), page: String(page) }).then(
        (results) => results.notes,
      );
    // Pages of 1: on page 1, pages 1 to 11 are counted, and the 12th note makes "more than 11".
    expect(await notes(1, 1)).toMatchObject({ total: 11, atLeast: true });
    expect(await notes(5, 1)).toMatchObject({ total: 15, atLeast: true });
    // Page 95 of 1 counts to MAX_PAGE (100), the last page one may ask for, not past it.
    expect(await notes(95, 1)).toMatchObject({ total: 100, atLeast: true });
    // Pages of 10: eleven of them hold all 102, counted exactly.
    const exact = await notes(1, 10);
    expect(exact.total).toBe(102);
    expect(exact.atLeast).toBeUndefined();
  });
});

describe("a note's result after a revision", () => {
  it("opens the sentence the latest edition shows it on, and no sentence when that edition does not show it", async () => {
    const [instructor, student] = await Promise.all([createUser(), createUser()]);
    const seminar = await createGroupWith({ instructor, students: [student] });
    const { slug } = await createSource(
      instructor.actor,
      seminar.id,
      newSourceInput(MINUTES_TEXT, { titleEn: `Minutes ${uniqueKey()}` }),
    );
    const text = (
      await testDatabase().prisma.edition.findFirstOrThrow({
        where: { source: { slug } },
        select: { text: true },
      })
    ).text;
    const edition: TestEdition = { slug, number: 1, text };
    const word = `marszruta${uniqueKey().replace(/[^a-z0-9]/gi, "")}`;
    const write = (quote: string, body: string) =>
      createAnnotation(
        student.actor,
        annotationInput(edition, quote, { groupId: seminar.id, visibility: "group", body }),
      );
    await write("plan ewakuacji", `${word} kept`);
    await write("raport o stanie dróg", `${word} deleted`);
    const sentences = async () => {
      const found = await search(student.actor, { q: word, type: "notes" });
      return Object.fromEntries(
        found.notes.items.map((item) => [item.body.text.split(" ")[1], item.sentence]),
      );
    };
    expect(await sentences()).toEqual({ kept: 3, deleted: 2 });

    // The second sentence deleted: the third is now the second, the note on the deleted one is
    // shown nowhere in the new edition (it waits for review).
    await publishRevision(instructor.actor, slug, {
      edition: 1,
      draft: draftFromPlainText(MINUTES_REVISED, false),
    });
    expect(await sentences()).toEqual({ kept: 2, deleted: null });
  });
});
