/**
 * Sources added in the app (lib/sources/create-source.ts): who may add them to which library, that
 * one is written whole or not at all with a unique slug, and that a group's own source is seen by that
 * group's members only, on every path that reads a source (library, reader, permalinks, citations,
 * search, quote check, annotations, assignments).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { openList } from "@/lib/annotations/open-list";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { findSourceChoices } from "@/lib/assignments/find-source-choices";
import type { Actor } from "@/lib/auth/policy";
import { citePassage } from "@/lib/citations/cite-passage";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { getCitedPassage } from "@/lib/permalinks/get-cited-passage";
import { resolvePermalink } from "@/lib/permalinks/resolve-permalink";
import { loadCorpus } from "@/lib/quote-check/load-corpus";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import { createSource } from "@/lib/sources/create-source";
import { findSources } from "@/lib/sources/find-sources";
import { getSourceReading } from "@/lib/sources/get-source-reading";
import { describe as describeRange } from "@/lib/anchoring/describe";
import {
  createGroupWith,
  createUser,
  label,
  outcome,
  uniqueKey,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { newSourceInput } from "../support/source-factories";
import { testDatabase } from "../support/test-database";

const TEXT = "Narada odbyła się we Lwowie. Ustalono plan ewakuacji urzędów. Zebrani rozeszli się o północy.";
const ADMINS = ["admin@example.test"];

let instructor: TestUser,
  assistant: TestUser,
  student: TestUser,
  outsider: TestUser,
  otherInstructor: TestUser;
let group: TestGroup, other: TestGroup;

beforeAll(async () => {
  [instructor, assistant, student, outsider, otherInstructor] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser(),
    createUser(),
  ]);
  group = await createGroupWith({ instructor, tas: [assistant], students: [student] });
  other = await createGroupWith({ instructor: otherInstructor });
});

const sourcesTitled = (titleEn: string) => testDatabase().prisma.source.count({ where: { titleEn } });

describe("adding a source", () => {
  it.each([
    ["the group's instructor", "ok", () => instructor.actor],
    ["the group's teaching assistant", "ok", () => assistant.actor],
    ["a student of the group", "FORBIDDEN notAllowed", () => student.actor],
    ["an instructor of another group", "NOT_FOUND groupNotFound", () => otherInstructor.actor],
    ["someone in no group", "NOT_FOUND groupNotFound", () => outsider.actor],
    ["an anonymous caller", "UNAUTHENTICATED signInRequired", () => null],
  ])("to a group's library: %s → %s, and nothing is saved when refused", async (_who, expected, actor) => {
    const input = newSourceInput(TEXT);
    const result = await outcome(() => createSource(actor(), group.id, input, ADMINS));
    expect(label(result)).toBe(expected);
    expect(await sourcesTitled(input.titleEn)).toBe(expected === "ok" ? 1 : 0);
  });

  it("to the public library: site administrators only", async () => {
    const admin = await createUser({ email: `admin-${uniqueKey()}@example.test` });
    const input = newSourceInput(TEXT);
    expect(label(await outcome(() => createSource(instructor.actor, null, input, ADMINS)))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(await sourcesTitled(input.titleEn)).toBe(0);
    // ADMIN_EMAILS as parsed by lib/env.ts: lower-case; the address compares without regard to case.
    const { slug } = await createSource(admin.actor, null, input, [admin.email]);
    const row = await testDatabase().prisma.source.findUniqueOrThrow({ where: { slug } });
    expect(row.groupId).toBeNull();
    // A public source is read by anyone, anonymous too.
    expect((await getSourceReading(slug, null)).passages).toHaveLength(3);
  });

  it("saves the source, its first edition and the sentences as corrected, with the notes", async () => {
    const input = newSourceInput(TEXT, { titleEn: `The Lviv meeting ${uniqueKey()}` });
    const [first, second, third] = input.draft.sentences;
    input.draft.sentences = [{ start: first!.start, end: second!.end }, third!];
    input.draft.notes = [{ at: TEXT.indexOf(" o północy"), body: "Czas lokalny." }];
    const { slug } = await createSource(instructor.actor, group.id, input, ADMINS);
    const reading = await getSourceReading(slug, instructor.actor);
    expect(reading.edition.number).toBe(1);
    expect(reading.passages.map((p) => p.text)).toEqual([
      "Narada odbyła się we Lwowie. Ustalono plan ewakuacji urzędów.",
      "Zebrani rozeszli się o północy.",
    ]);
    expect(reading.notes).toMatchObject([
      { firstSentence: 2, lastSentence: 2, body: { pl: "Czas lokalny." } },
    ]);
    expect(reading.place.en).toBe("Lviv");
  });

  it("gives each source a slug of its own, from the English title", async () => {
    const titleEn = `Appeal to the nation ${uniqueKey()}`;
    const slugs = await Promise.all(
      [1, 2, 3].map(() =>
        createSource(instructor.actor, group.id, newSourceInput(TEXT, { titleEn }), ADMINS),
      ),
    );
    const base = titleEn.toLowerCase().replaceAll(" ", "-");
    expect(slugs.map((s) => s.slug).sort()).toEqual([base, `${base}-2`, `${base}-3`]);
  });

  it.each([
    ["an empty text", { text: "   " }, "sourceTextEmpty"],
    ["a text over the limit", { text: "Zdanie. ".repeat(70_000) }, "sourceTooLong"],
    ["sentences that do not cut the text", { sentences: [{ start: 0, end: 5 }] }, "draftInvalid"],
    ["a note outside the text", { notes: [{ at: 10_000, body: "x" }] }, "draftInvalid"],
  ])("refuses %s and saves nothing", async (_name, change, message) => {
    const input = newSourceInput(TEXT);
    input.draft = { ...input.draft, ...change };
    expect(label(await outcome(() => createSource(instructor.actor, group.id, input, ADMINS)))).toBe(
      `INVALID ${message}`,
    );
    expect(await sourcesTitled(input.titleEn)).toBe(0);
  });

  it.each([
    ["a date not ISO", { date: "20.09.1939" }, "sourceDateInvalid"],
    ["a date not in the calendar", { date: "1939-02-30" }, "sourceDateInvalid"],
    ["no Polish title", { titlePl: " " }, "sourceTitleRequired"],
    ["an unknown kind", { kind: "novel" as "primary" }, "sourceKindInvalid"],
  ])("refuses %s, naming the field", async (_name, change, message) => {
    const input = newSourceInput(TEXT, change);
    const result = await createSource(instructor.actor, group.id, input, ADMINS).catch((e: unknown) => e);
    expect(result).toMatchObject({ code: "INVALID", message });
    expect(await sourcesTitled(input.titleEn)).toBe(0);
  });
});

describe("a group's source is seen by its members only, on every path", () => {
  let slug: string;
  let permalinkId: string;
  const members = () => [instructor, assistant, student];
  const strangers = (): [string, Actor][] => [
    ["an instructor of another group", otherInstructor.actor],
    ["someone in no group", outsider.actor],
    ["an anonymous reader", null],
  ];
  const passage = () => ({ source: slug, editionNumber: 1, start: 0, end: "Narada odbyła się".length });

  beforeAll(async () => {
    ({ slug } = await createSource(
      instructor.actor,
      group.id,
      newSourceInput(TEXT, { titleEn: `Secret minutes ${uniqueKey()}` }),
      ADMINS,
    ));
    permalinkId = (await createPermalink(passage(), student.actor)).id;
  });

  it("the library lists it for members", async () => {
    for (const member of members()) {
      expect((await findSources(member.actor)).map((s) => s.slug)).toContain(slug);
    }
    for (const [, actor] of strangers())
      expect((await findSources(actor)).map((s) => s.slug)).not.toContain(slug);
  });

  it("the reader, a permalink, a citation and a cross-reference are not found for others", async () => {
    for (const member of members()) {
      expect((await getSourceReading(slug, member.actor)).slug).toBe(slug);
      expect((await resolvePermalink(permalinkId, member.actor)).slug).toBe(slug);
      expect((await getCitedPassage(permalinkId, member.actor)).slug).toBe(slug);
    }
    for (const [who, actor] of strangers()) {
      const refusals = [
        label(await outcome(() => getSourceReading(slug, actor))),
        label(await outcome(() => resolvePermalink(permalinkId, actor))),
        label(await outcome(() => getCitedPassage(permalinkId, actor))),
        label(await outcome(() => createPermalink(passage(), actor))),
        label(await outcome(() => citePassage(passage(), "en", "https://glossa.example", actor))),
      ];
      expect(refusals, who).toEqual([
        `NOT_FOUND No source "${slug}"`,
        "NOT_FOUND permalinkNotFound",
        "NOT_FOUND permalinkNotFound",
        "INVALID sourceNotFound",
        "INVALID sourceNotFound",
      ]);
    }
  });

  it("search and the quote checker find its sentences for members only", async () => {
    const query = SearchInputSchema.parse({ q: "ewakuacji urzędów", type: "passages" });
    const found = async (actor: Actor) =>
      (await searchLibrary(actor, query)).passages.items.some((p) => p.source.slug === slug);
    const inCorpus = async (actor: Actor) => (await loadCorpus(actor)).originals.some((s) => s.slug === slug);
    expect(await found(student.actor)).toBe(true);
    expect(await inCorpus(student.actor)).toBe(true);
    for (const [who, actor] of strangers()) {
      expect(await found(actor), who).toBe(false);
      expect(await inCorpus(actor), who).toBe(false);
    }
  });

  it("members annotate it; others cannot, nor open its notes", async () => {
    const range = { start: 0, end: "Narada odbyła się".length };
    const input = {
      source: slug,
      editionNumber: 1,
      groupId: null,
      kind: "highlight",
      visibility: "private",
      selectors: describeRange(TEXT, range),
      body: null,
    };
    await expect(createAnnotation(student.actor, input)).resolves.toMatchObject({
      quote: { exact: "Narada odbyła się" },
    });
    expect((await openList(student.actor, slug, undefined)).source.slug).toBe(slug);
    for (const actor of [otherInstructor.actor, outsider.actor]) {
      expect(label(await outcome(() => createAnnotation(actor, input)))).toBe("INVALID sourceNotFound");
      expect(label(await outcome(() => openList(actor, slug, undefined)))).toBe("NOT_FOUND sourceNotFound");
    }
  });

  it("is annotated in its own group only, even by someone in two groups", async () => {
    const both = await createUser();
    const first = await createGroupWith({ instructor: both });
    const second = await createGroupWith({ instructor: both });
    const { slug: own } = await createSource(both.actor, first.id, newSourceInput(TEXT), ADMINS);
    const input = (groupId: string) => ({
      source: own,
      editionNumber: 1,
      groupId,
      kind: "highlight",
      visibility: "group",
      selectors: describeRange(TEXT, { start: 0, end: "Narada".length }),
      body: null,
    });
    await expect(createAnnotation(both.actor, input(first.id))).resolves.toHaveProperty("id");
    expect(label(await outcome(() => createAnnotation(both.actor, input(second.id))))).toBe(
      "INVALID sourceNotFound",
    );
  });

  it("only its group's assignments may name it", async () => {
    expect((await findSourceChoices(group.id)).map((s) => s.slug)).toContain(slug);
    expect((await findSourceChoices(other.id)).map((s) => s.slug)).not.toContain(slug);
    const assignment = (title: string) => ({
      title,
      opensAt: "2026-01-01T10:00",
      dueAt: "2036-01-01T10:00",
      timeZone: "UTC",
      readings: [{ source: slug }],
    });
    await expect(createAssignment(instructor.actor, group.id, assignment("Mine"))).resolves.toHaveProperty(
      "id",
    );
    expect(
      label(await outcome(() => createAssignment(otherInstructor.actor, other.id, assignment("Theirs")))),
    ).toBe("INVALID readingSourceInvalid");
  });
});
