/**
 * Search filtered by an assignment (issue 15): sentences only within its readings (the sources and
 * assigned sentences), notes only its group's on those readings, and an assignment the caller cannot
 * read finds nothing, exactly like one that does not exist.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import type { Actor } from "@/lib/auth/policy";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, uniqueKey, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

const search = (actor: Actor, query: Record<string, string>) =>
  searchLibrary(actor, SearchInputSchema.parse({ limit: "50", ...query }));

let soviet: TestEdition;
let kuty: TestEdition;
let teacher: TestUser, student: TestUser, outsider: TestUser;
let assignmentId: string;
let marker: string;
const ids: Record<string, string> = {};

/** The text of sentence `n` of the edition. */
async function sentence(edition: TestEdition, n: number) {
  const passage = await testDatabase().prisma.passage.findFirstOrThrow({
    where: { number: n, edition: { number: edition.number, source: { slug: edition.slug } } },
  });
  return edition.text.slice(passage.start, passage.end).trim();
}

beforeAll(async () => {
  soviet = await importedEdition("soviet-note");
  kuty = await importedEdition("kuty-directive");
  [teacher, student, outsider] = await Promise.all([createUser(), createUser(), createUser()]);
  const group = await createGroupWith({ instructor: teacher, students: [student] });
  const prisma = testDatabase().prisma;
  const source = await prisma.source.findUniqueOrThrow({ where: { slug: "soviet-note" } });
  const assignment = await prisma.assignment.create({
    data: {
      groupId: group.id,
      title: "Sentences 2–3",
      opensAt: new Date(),
      dueAt: new Date(Date.now() + 86_400_000),
      timeZone: "Europe/Warsaw",
      readings: { create: { position: 0, sourceId: source.id, firstSentence: 2, lastSentence: 3 } },
    },
  });
  assignmentId = assignment.id;
  marker = `zadanie${uniqueKey()}`;
  const note = async (name: string, edition: TestEdition, quote: string, groupId: string | null) => {
    const made = await createAnnotation(
      student.actor,
      annotationInput(edition, quote, {
        groupId,
        visibility: groupId ? "group" : "private",
        body: `${marker} ${name}`,
      }),
    );
    ids[name] = made.id;
  };
  const second = await sentence(soviet, 2);
  await note("on sentence 2", soviet, second.slice(5, 30), group.id);
  await note("on sentence 5", soviet, (await sentence(soviet, 5)).slice(5, 30), group.id);
  await note("on another source", kuty, (await sentence(kuty, 2)).slice(5, 30), group.id);
  await note("personal, on sentence 2", soviet, second.slice(5, 30), null);
  const reply = await replyToAnnotation(teacher.actor, ids["on sentence 2"]!, {
    body: bodyFromPlainText(`${marker} reply`),
  });
  ids["reply on sentence 2"] = reply.id;
});

describe("search by assignment", () => {
  it("finds only the group's notes and replies on the assigned sentences", async () => {
    const all = await search(student.actor, { q: marker, type: "notes" });
    expect(all.notes.total).toBe(5);
    for (const who of [student, teacher]) {
      const found = await search(who.actor, { q: marker, type: "notes", assignment: assignmentId });
      expect(found.notes.items.map((n) => n.id).sort()).toEqual(
        [ids["on sentence 2"], ids["reply on sentence 2"]].sort(),
      );
      expect(found.notes.total).toBe(2);
    }
  });

  it("finds sentences only within the readings", async () => {
    const word = (await sentence(soviet, 2)).split(/\s+/u).find((w) => /^\p{L}{5,}$/u.test(w))!;
    const found = await search(student.actor, { q: word, type: "passages", assignment: assignmentId });
    expect(found.passages.total).toBeGreaterThan(0);
    for (const passage of found.passages.items) {
      expect(passage.source.slug).toBe("soviet-note");
      expect(passage.sentence).toBeGreaterThanOrEqual(2);
      expect(passage.sentence).toBeLessThanOrEqual(3);
    }
    // "rząd" occurs across the library; within sentences 2–3 of the note only there.
    const common = await search(student.actor, { q: "rząd", type: "passages" });
    const narrowed = await search(student.actor, { q: "rząd", type: "passages", assignment: assignmentId });
    expect(narrowed.passages.total).toBeLessThan(common.passages.total);
    expect(narrowed.passages.items.every((p) => p.sentence >= 2 && p.sentence <= 3)).toBe(true);
  });

  it("finds nothing with an assignment the caller cannot read, as with one that does not exist", async () => {
    for (const [actor, id] of [
      [outsider.actor, assignmentId],
      [null, assignmentId],
      [student.actor, "cnotanassignment000000000"],
    ] as const) {
      const found = await search(actor, { q: marker, assignment: id });
      expect(found.notes).toEqual({ total: 0, items: [] });
      expect(found.passages).toEqual({ total: 0, items: [] });
    }
  });
});
