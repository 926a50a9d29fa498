/**
 * The annotation list in pages for API clients (`GET /api/sources/{slug}/annotations?limit=…&after=…`),
 * through the route handler itself, so statuses, ETags and Link headers are tested with the service:
 * following `next` from the first page to the last gives every thread the whole list gives, once, in
 * creation order, each card exactly as the list shows it, under the same policy; a thread made while
 * walking turns up on a later page; bad limits and cursors are refused with a message key.
 */
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/sources/[slug]/annotations/route";
import type { Actor } from "@/lib/auth/policy";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { hideAnnotation } from "@/lib/annotations/hide-annotation";
import { annotationListTag } from "@/lib/annotations/annotation-tags";
import { listAnnotationPage } from "@/lib/annotations/list-page";
import { encodePageCursor } from "@/lib/annotations/page-cursor";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import type { AnnotationListView, AnnotationPageView, AnnotationView } from "@/lib/annotations/types";
import en from "@/lib/i18n/messages/en.json";
import pl from "@/lib/i18n/messages/pl.json";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import {
  createGroupWith,
  createUser,
  label,
  outcome,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { testDatabase } from "../support/test-database";

// As in rate-limits.test.ts: only the session is not real (no request scope for Auth.js outside Next).
const session = vi.hoisted(() => ({ actor: null as Actor }));
vi.mock("@/lib/auth/get-current-user", () => ({ getActor: () => Promise.resolve(session.actor) }));

const SLUG = "soviet-note";
const BASE = `/api/sources/${SLUG}/annotations`;

/** The route's answer to `path` (path and query) for `user` (null: anonymous). */
async function get(user: TestUser | null, path: string, headers: Record<string, string> = {}) {
  session.actor = user?.actor ?? null;
  return GET(new Request(`https://glossa.example${path}`, { headers }), {
    params: Promise.resolve({ slug: SLUG }),
  });
}

async function wholeList(user: TestUser, group: string): Promise<AnnotationListView> {
  const response = await get(user, `${BASE}?group=${group}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AnnotationListView;
}

/** Ids of the threads in creation order, as the database orders them (createdAt, then id). */
async function inCreationOrder(ids: string[]): Promise<string[]> {
  const rows = await testDatabase().prisma.annotation.findMany({
    where: { id: { in: ids } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/**
 * Every page from the first, following each page's Link header (checked against its `next`);
 * `between` runs after each page.
 */
async function walk(
  user: TestUser,
  group: string,
  limit: number,
  between: (pageNumber: number) => Promise<void> = async () => {},
): Promise<AnnotationPageView[]> {
  const pages: AnnotationPageView[] = [];
  let path: string | null = `${BASE}?group=${group}&limit=${limit}`;
  while (path) {
    const response = await get(user, path);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("ETag")).toMatch(/^"[\w-]+"$/u);
    const page = (await response.json()) as AnnotationPageView;
    expect(page.annotations.length).toBeLessThanOrEqual(limit);
    const link = response.headers.get("Link");
    if (page.next === null) {
      expect(link).toBeNull();
    } else {
      const query = new URLSearchParams({ group, limit: String(limit), after: page.next });
      expect(link).toBe(`<${BASE}?${query}>; rel="next"`);
    }
    pages.push(page);
    expect(pages.length).toBeLessThan(100);
    await between(pages.length);
    path = link ? /^<([^>]+)>; rel="next"$/u.exec(link)![1]! : null;
  }
  return pages;
}

const idsOf = (annotations: AnnotationView[]) => annotations.map((a) => a.id);

/** The sum of the pages' sentence counts. */
function addCounts(pages: AnnotationPageView[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const page of pages) {
    for (const [sentence, count] of Object.entries(page.sentenceCounts)) {
      total[sentence] = (total[sentence] ?? 0) + count;
    }
  }
  return total;
}

let edition: TestEdition;
let instructor: TestUser, assistant: TestUser, student: TestUser, classmate: TestUser, outsider: TestUser;
let group: TestGroup;
const made: Record<string, string> = {};

beforeAll(async () => {
  edition = await importedEdition(SLUG);
  [instructor, assistant, student, classmate, outsider] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
  ]);
  group = await createGroupWith({ instructor, tas: [assistant], students: [student, classmate] });
  const make = async (
    name: string,
    user: TestUser,
    quote: string,
    options: Parameters<typeof annotationInput>[2] = {},
  ) => {
    made[name] = (
      await createAnnotation(user.actor, annotationInput(edition, quote, { body: name, ...options }))
    ).id;
  };
  // Made out of text order on purpose, so creation order and text order differ.
  const inGroup = { groupId: group.id, visibility: "group" } as const;
  await make("student-private", student, "ucieczce rządu", { groupId: group.id, visibility: "private" });
  await make("classmate-private", classmate, "rozpadzie państwa", {
    groupId: group.id,
    visibility: "private",
  });
  await make("student-instructors", student, "nocie dyplomatycznej", {
    groupId: group.id,
    visibility: "instructors",
  });
  for (const [n, quote] of [
    "Władimira Potiomkina",
    "wszystkie układy z Polską",
    "Wacławowi Grzybowskiemu",
  ].entries()) {
    await make(`student-group-${n}`, student, quote, inGroup);
    await make(`classmate-group-${n}`, classmate, quote, inGroup);
  }
  await make("classmate-hidden", classmate, "nocie dyplomatycznej", inGroup);
  await hideAnnotation(assistant.actor, made["classmate-hidden"]!, { reason: "Off topic" });
  await make("student-highlight", student, "rozpadzie państwa", {
    ...inGroup,
    kind: "highlight",
    body: null,
  });
  await make("student-tombstone", student, "ucieczce rządu", inGroup);
  await replyToAnnotation(classmate.actor, made["student-tombstone"]!, { body: bodyFromPlainText("kept") });
  await deleteAnnotation(student.actor, made["student-tombstone"]!);
  await make("student-personal", student, "Władimira Potiomkina", { groupId: null, visibility: "private" });
  await make("classmate-personal", classmate, "Władimira Potiomkina", {
    groupId: null,
    visibility: "private",
  });
  for (const [root, who, text] of [
    ["student-group-0", classmate, "A classmate's reply."],
    ["student-group-0", instructor, "The instructor's reply."],
    ["classmate-group-1", student, "The student's reply."],
    ["student-instructors", assistant, "Only for the author and the staff."],
  ] as const) {
    await replyToAnnotation(who.actor, made[root]!, { body: bodyFromPlainText(text) });
  }
  // Threads made in the same millisecond: the id decides their order, on pages as everywhere.
  const prisma = testDatabase().prisma;
  const { createdAt } = await prisma.annotation.findUniqueOrThrow({
    where: { id: made["student-group-1"]! },
    select: { createdAt: true },
  });
  await prisma.annotation.updateMany({
    where: { id: { in: [made["classmate-group-1"]!, made["student-group-2"]!, made["classmate-group-2"]!] } },
    data: { createdAt },
  });
});

beforeEach(() => {
  session.actor = null;
});

describe("walking the pages with next", () => {
  it.each([
    [
      "a student",
      () => student,
      ["student-private", "student-instructors", "student-group-0", "student-tombstone", "student-personal"],
      ["classmate-private", "classmate-hidden", "classmate-personal"],
    ],
    [
      "a classmate (author of the hidden one)",
      () => classmate,
      ["classmate-private", "classmate-hidden", "classmate-personal"],
      ["student-private", "student-instructors", "student-personal"],
    ],
    [
      "the teaching assistant",
      () => assistant,
      ["student-instructors", "classmate-hidden"],
      ["student-private", "classmate-private", "student-personal", "classmate-personal"],
    ],
    [
      "the instructor",
      () => instructor,
      ["student-instructors", "classmate-hidden"],
      ["student-private", "classmate-private", "student-personal", "classmate-personal"],
    ],
  ])(
    "%s gets the whole list's threads, each once, in creation order, cards and counts alike",
    async (_who, reader, sees, neverSees) => {
      const user = reader();
      const whole = await wholeList(user, group.id);
      const wholeIds = idsOf(whole.annotations);
      expect(wholeIds).toEqual(expect.arrayContaining(sees.map((name) => made[name])));
      const expected = await inCreationOrder(wholeIds);
      const cards = new Map(whole.annotations.map((a) => [a.id, a]));

      for (const limit of [1, 2, 3, 5, wholeIds.length, 200]) {
        const pages = await walk(user, group.id, limit);
        expect(pages).toHaveLength(Math.max(1, Math.ceil(wholeIds.length / limit)));
        const paged = pages.flatMap((page) => page.annotations);
        expect(idsOf(paged), `limit ${limit}`).toEqual(expected);
        // Bodies, replies, people, placement: each card exactly as the whole list has it.
        for (const card of paged) expect(card).toEqual(cards.get(card.id));
        expect(addCounts(pages)).toEqual(whole.sentenceCounts);
        for (const page of pages) {
          expect(page.source).toEqual(whole.source);
          expect(page.group).toEqual(whole.group);
        }
        for (const name of neverSees) {
          expect(JSON.stringify(pages)).not.toContain(made[name]!);
          expect(JSON.stringify(pages)).not.toContain(`>${name}<`);
        }
      }
    },
  );

  it("shows replies on a page exactly as the list does (the staff-only reply to the staff only)", async () => {
    const [page] = await walk(instructor, group.id, 200);
    const thread = page!.annotations.find((a) => a.id === made["student-instructors"]);
    expect(thread!.replies.map((r) => r.bodyHtml)).toEqual(["<p>Only for the author and the staff.</p>"]);
    const withTwo = page!.annotations.find((a) => a.id === made["student-group-0"]);
    expect(withTwo!.replies.map((r) => r.author.name)).toEqual([classmate.name, instructor.name]);
    const tombstone = page!.annotations.find((a) => a.id === made["student-tombstone"]);
    expect(tombstone!.deleted).toBe(true);
    expect(tombstone!.replies).toHaveLength(1);
  });

  it("pages the personal notes with ?group=none", async () => {
    const pages = await walk(student, "none", 1);
    expect(pages.flatMap((page) => idsOf(page.annotations))).toEqual([made["student-personal"]]);
    expect(pages[0]!.group).toBeNull();
  });

  it("finds a thread made while walking on a later page, and repeats none", async () => {
    const reader = await createUser();
    const writer = await createUser();
    const seminar = await createGroupWith({ instructor: reader, students: [writer] });
    const write = async (text: string) =>
      (
        await createAnnotation(
          writer.actor,
          annotationInput(edition, "Władimira Potiomkina", {
            groupId: seminar.id,
            visibility: "group",
            body: text,
          }),
        )
      ).id;
    const before = [];
    for (let n = 0; n < 5; n++) before.push(await write(`before ${n}`));
    const during: string[] = [];
    const pages = await walk(reader, seminar.id, 2, async (pageNumber) => {
      if (pageNumber === 1) during.push(await write("made while walking"));
    });
    const paged = pages.flatMap((page) => idsOf(page.annotations));
    expect(paged).toEqual([...before, ...during]);
    expect(new Set(paged).size).toBe(paged.length);
  });
});

describe("refusals", () => {
  const refused = async (
    user: TestUser | null,
    path: string,
    status: number,
    field?: string,
    message?: string,
  ) => {
    const response = await get(user, path);
    expect(response.status, path).toBe(status);
    const body = (await response.json()) as { error: { message: string; details: unknown } };
    if (field && message) {
      expect(body.error.message, path).toBe(message);
      expect(body.error.details, path).toEqual({ problems: [{ field, message }] });
      // A message the client can show in either language.
      expect((en.errors as Record<string, string>)[message]).toBeTruthy();
      expect((pl.errors as Record<string, string>)[message]).toBeTruthy();
    }
    return body;
  };

  it.each(["0", "201", "abc", "", "1.5", "-1", "1e2", " 5", "99999"])(
    "refuses limit=%j with 422",
    async (limit) => {
      await refused(
        student,
        `${BASE}?group=${group.id}&limit=${encodeURIComponent(limit)}`,
        422,
        "limit",
        "pageLimitInvalid",
      );
    },
  );

  it("refuses a cursor it did not hand out, and a cursor without a limit", async () => {
    const forged = (text: string) => Buffer.from(text, "utf8").toString("base64url");
    for (const after of [
      "not a cursor!",
      "",
      forged("hello"),
      forged("2025-01-01T00:00:00.000Z"),
      forged("yesterday|clabc123"),
      forged("2025-01-01T00:00:00.000Z|not an id!"),
      forged("2025-02-30T00:00:00.000Z|clabc123x"),
      forged("2025-01-01T00:00:00Z|clabc123"),
      forged(`2025-01-01T00:00:00.000Z|clabc123|extra`),
      "x".repeat(300),
    ]) {
      await refused(
        student,
        `${BASE}?group=${group.id}&limit=2&after=${encodeURIComponent(after)}`,
        422,
        "after",
        "pageCursorInvalid",
      );
    }
    const cursor = encodePageCursor({ createdAt: new Date(), id: made["student-group-0"]! });
    await refused(student, `${BASE}?group=${group.id}&after=${cursor}`, 422, "limit", "pageLimitInvalid");
  });

  it("refuses ids together with limit or after (cards by id or a page, not both)", async () => {
    const ids = made["student-group-0"]!;
    const cursor = encodePageCursor({ createdAt: new Date(0), id: ids });
    for (const query of [`ids=${ids}&limit=2`, `ids=${ids}&after=${cursor}&limit=2`, `limit=2&ids=${ids}`]) {
      await refused(student, `${BASE}?group=${group.id}&${query}`, 422, "ids", "annotationIdsWithPage");
    }
    // Either alone is fine.
    expect((await get(student, `${BASE}?group=${group.id}&ids=${ids}`)).status).toBe(200);
    expect((await get(student, `${BASE}?group=${group.id}&limit=2&after=${cursor}`)).status).toBe(200);
  });

  it("answers anonymous readers 401 and non-members 404, as the list does", async () => {
    for (const query of [`group=${group.id}`, `group=${group.id}&limit=2`]) {
      const anonymous = await refused(null, `${BASE}?${query}`, 401);
      expect(anonymous.error.message).toBe("signInRequired");
      expect((await get(outsider, `${BASE}?${query}`)).status).toBe(404);
    }
    session.actor = student.actor;
    const unknown = await GET(
      new Request(`https://glossa.example/api/sources/no-such-source/annotations?limit=2`),
      {
        params: Promise.resolve({ slug: "no-such-source" }),
      },
    );
    expect(unknown.status).toBe(404);
  });

  it("the service itself refuses a limit outside 1–200", async () => {
    for (const limit of [0, 201, 2.5, Number.NaN]) {
      expect(
        label(await outcome(() => listAnnotationPage(student.actor, SLUG, { group: group.id, limit }))),
      ).toBe("INVALID pageLimitInvalid");
    }
  });
});

describe("ETags of pages", () => {
  it("gives the same page the same tag, another page or size another, and 304 while nothing changes", async () => {
    const reader = await createUser();
    const writer = await createUser();
    const seminar = await createGroupWith({ instructor: reader, students: [writer] });
    const rootIds = [];
    for (const text of ["one", "two", "three"]) {
      rootIds.push(
        (
          await createAnnotation(
            writer.actor,
            annotationInput(edition, "nocie dyplomatycznej", {
              groupId: seminar.id,
              visibility: "group",
              body: text,
            }),
          )
        ).id,
      );
    }
    const first = `${BASE}?group=${seminar.id}&limit=2`;
    const tagOf = async (path: string) => (await get(reader, path)).headers.get("ETag")!;
    const tag = await tagOf(first);
    expect(await tagOf(first)).toBe(tag);
    const firstPage = (await (await get(reader, first)).json()) as AnnotationPageView;
    const second = `${first}&after=${firstPage.next}`;
    const distinct = [
      tag,
      await tagOf(second),
      await tagOf(`${BASE}?group=${seminar.id}&limit=3`),
      await tagOf(`${BASE}?group=${seminar.id}`),
      await annotationListTag(reader.actor, SLUG, seminar.id),
    ];
    expect(distinct[3]).toBe(distinct[4]);
    expect(new Set(distinct).size).toBe(4);
    // Another reader of the same page has a tag of their own.
    expect((await get(writer, first)).headers.get("ETag")).not.toBe(tag);

    const unchanged = await get(reader, first, { "If-None-Match": tag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    expect(unchanged.headers.get("ETag")).toBe(tag);
    expect(unchanged.headers.get("Cache-Control")).toBe("private, no-store");

    // A change anywhere the list could show (here a reply on the last page's thread) is a new tag.
    const secondTag = await tagOf(second);
    await replyToAnnotation(reader.actor, rootIds[2]!, { body: bodyFromPlainText("a reply") });
    const changedSecond = await get(reader, second, { "If-None-Match": secondTag });
    expect(changedSecond.status).toBe(200);
    expect(changedSecond.headers.get("ETag")).not.toBe(secondTag);
    const changed = await get(reader, first, { "If-None-Match": tag });
    expect(changed.status).toBe(200);
    const newTag = changed.headers.get("ETag")!;
    expect(newTag).not.toBe(tag);
    expect((await get(reader, first, { "If-None-Match": newTag })).status).toBe(304);
    // An edit too.
    await updateAnnotation(writer.actor, rootIds[0]!, { tags: ["edited"] });
    expect((await get(reader, first, { "If-None-Match": newTag })).status).toBe(200);
  });
});

describe("the whole list without limit", () => {
  it("is unchanged: every thread in text order, no next, no Link, its own ETag and 304", async () => {
    const response = await get(instructor, `${BASE}?group=${group.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("Link")).toBeNull();
    const list = (await response.json()) as AnnotationListView & { next?: unknown };
    expect(list).not.toHaveProperty("next");
    const starts = list.annotations.flatMap((a) => (a.anchor.status === "anchored" ? [a.anchor.start] : []));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(idsOf(list.annotations)).not.toEqual(await inCreationOrder(idsOf(list.annotations)));
    const tag = response.headers.get("ETag")!;
    expect(tag).toBe(await annotationListTag(instructor.actor, SLUG, group.id));
    expect((await get(instructor, `${BASE}?group=${group.id}`, { "If-None-Match": tag })).status).toBe(304);
  });
});
