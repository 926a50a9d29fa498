/**
 * Anonymous to peers (issue 13): on an anonymous assignment's readings, a student is shown their
 * classmates' notes and replies under stable pseudonyms ("Student 7"), on every path finished so far;
 * each path's response, as the app serialises it, holds neither the classmate's name nor their user
 * id, while the instructor's names them. Their own notes and the staff's keep their names; outside
 * the readings nothing changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import {
  annotationIndexJsonUnlessUnchanged,
  listAnnotationIndex,
} from "@/lib/annotations/list-annotation-index";
import { listAnnotationPage } from "@/lib/annotations/list-page";
import { listRevisions } from "@/lib/annotations/list-revisions";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import type { Actor } from "@/lib/auth/policy";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { findCitingAnnotations } from "@/lib/permalinks/find-citing-annotations";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import { streamExport } from "@/lib/export/stream-export";
import { getWebAnnotation } from "@/lib/export/get-web-annotation";
import { getProtocolContainer } from "@/lib/protocol/get-protocol-container";
import { getProtocolAnnotation } from "@/lib/protocol/get-protocol-annotation";
import { containerIri } from "@/lib/protocol/protocol-iris";
import { presentAs } from "@/lib/assignments/anonymity";
import { loadMemberships } from "@/lib/annotations/access";
import { dbReads } from "@/lib/db";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { copyAssignment } from "@/lib/assignments/copy-assignment";
import { findReaderAssignments } from "@/lib/assignments/find-reader-assignments";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, uniqueKey, type TestGroup, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";
import { assignmentInput } from "../support/assignment-readers";

const prisma = () => testDatabase().prisma;

let note: TestEdition;
beforeAll(async () => {
  note = await importedEdition("soviet-note");
});

async function within(n: number): Promise<string> {
  const passage = await prisma().passage.findFirstOrThrow({
    where: { number: n, edition: { number: note.number, source: { slug: note.slug } } },
  });
  return note.text.slice(passage.start, passage.end).trim().split(" ").slice(0, 3).join(" ");
}

interface Seminar {
  teacher: TestUser;
  ann: TestUser;
  ben: TestUser;
  group: TestGroup;
  assignmentId: string;
}

/** The assignment form as sent (assignmentInput: sentences 2–3 of the note), titled `title`. */
const assignmentForm = (title: string) => assignmentInput({ title });

/** A group (instructor, students Ann and Ben) with an anonymous assignment on sentences 2–3. */
async function seminar(): Promise<Seminar> {
  const [teacher, ann, ben] = await Promise.all([
    createUser({ name: `Teodora Nauczycielska ${uniqueKey()}` }),
    createUser({ name: `Anna Żółkiewska ${uniqueKey()}` }),
    createUser({ name: `Bartosz Łęcki ${uniqueKey()}` }),
  ]);
  const group = await createGroupWith({ instructor: teacher, students: [ann, ben], current: true });
  const { id: assignmentId } = await createAssignment(teacher.actor, group.id, {
    ...assignmentForm("Week 5: anonymous"),
    anonymousToPeers: "on",
  });
  return { teacher, ann, ben, group, assignmentId };
}

async function post(user: TestUser, group: TestGroup, quote: string, body: string) {
  return createAnnotation(
    user.actor,
    annotationInput(note, quote, { groupId: group.id, visibility: "group", body }),
  );
}

/** The response as the app sends it holds no trace of `user`: neither their name nor their id. */
function expectNoTraceOf(response: unknown, user: TestUser) {
  const text = JSON.stringify(response);
  expect(text).not.toContain(user.name);
  expect(text).not.toContain(user.id);
}

function expectNamed(response: unknown, user: TestUser) {
  expect(JSON.stringify(response)).toContain(user.name);
}

describe("anonymous to peers", () => {
  it("shows a classmate's notes and replies on the readings under a stable pseudonym in the list, cards and pages", async () => {
    const s = await seminar();
    const anns = await post(s.ann, s.group, await within(2), "Ann's reading of the note.");
    const teachers = await post(s.teacher, s.group, await within(3), "Framing question.");
    await replyToAnnotation(s.ann.actor, teachers.id, { body: bodyFromPlainText("Ann answers.") });
    const outside = await post(s.ann, s.group, await within(6), "Outside the reading.");
    await post(s.ben, s.group, await within(2), "Ben's own.");

    const list = await listAnnotations(s.ben.actor, "soviet-note");
    const onReading = list.annotations.filter((a) => a.id !== outside.id);
    expectNoTraceOf(onReading, s.ann);
    const annsCard = list.annotations.find((a) => a.id === anns.id)!;
    expect(annsCard.author.pseudonym).toBeGreaterThan(0);
    expect(annsCard.author.name).toBe(`Student ${annsCard.author.pseudonym}`);
    // Ann's reply in the instructor's thread: the same pseudonym; the instructor keeps their name.
    const teachersCard = list.annotations.find((a) => a.id === teachers.id)!;
    expect(teachersCard.author.name).toBe(s.teacher.name);
    expect(teachersCard.replies[0]!.author).toEqual(annsCard.author);
    // Outside the readings, nothing changes; Ben's own note is his, named.
    expect(list.annotations.find((a) => a.id === outside.id)!.author.name).toBe(s.ann.name);
    expect(list.annotations.find((a) => a.mine)!.author.name).toBe(s.ben.name);

    // Cards fetched by id, and pages of the list: the same pseudonym.
    const cards = await listAnnotations(s.ben.actor, "soviet-note", undefined, [anns.id, teachers.id]);
    expectNoTraceOf(cards, s.ann);
    expect(cards.annotations.find((a) => a.id === anns.id)!.author).toEqual(annsCard.author);
    const page = await listAnnotationPage(s.ben.actor, "soviet-note", { limit: 2 });
    expectNoTraceOf(page, s.ann);

    // Stable: asked again, the same number; the instructor, and Ann herself, see her name.
    const again = await listAnnotations(s.ben.actor, "soviet-note");
    expect(again.annotations.find((a) => a.id === anns.id)!.author).toEqual(annsCard.author);
    const staffView = await listAnnotations(s.teacher.actor, "soviet-note");
    expectNamed(
      staffView.annotations.find((a) => a.id === anns.id),
      s.ann,
    );
    expectNamed(staffView.annotations.find((a) => a.id === teachers.id)!.replies, s.ann);
    const own = await listAnnotations(s.ann.actor, "soviet-note");
    expect(own.annotations.find((a) => a.id === anns.id)).toMatchObject({
      mine: true,
      author: { name: s.ann.name },
    });
  });

  it("gives numbers in order of first need, one per student, and never reuses one", async () => {
    const s = await seminar();
    const cleo = await createUser({ name: `Cecylia Ćwik ${uniqueKey()}` });
    await prisma().membership.create({ data: { groupId: s.group.id, userId: cleo.id, role: "STUDENT" } });
    await post(s.ann, s.group, await within(2), "First.");
    await post(cleo, s.group, await within(3), "Second.");
    await post(s.ann, s.group, await within(3), "Ann again.");
    const list = await listAnnotations(s.ben.actor, "soviet-note");
    const numbers = list.annotations.map((a) => a.author.pseudonym);
    expect(numbers).toEqual(expect.arrayContaining([1, 2]));
    expect(new Set(numbers).size).toBe(2);
    const rows = await prisma().assignmentPseudonym.findMany({ where: { assignmentId: s.assignmentId } });
    expect(rows.map((r) => r.number).sort()).toEqual([1, 2]);
    // Cleo is deleted: her number is not given again to the next classmate who needs one.
    const cleosNumber = rows.find((r) => r.userId === cleo.id)!.number;
    await prisma().user.delete({ where: { id: cleo.id } });
    const dan = await createUser({ name: `Dawid Dąbek ${uniqueKey()}` });
    await prisma().membership.create({ data: { groupId: s.group.id, userId: dan.id, role: "STUDENT" } });
    await post(dan, s.group, await within(2), "Dan's.");
    const later = await listAnnotations(s.ben.actor, "soviet-note");
    const dans = later.annotations.find(
      (a) => a.bodyHtml.includes("Dan&#x27;s") || a.bodyHtml.includes("Dan's"),
    )!;
    expect(dans.author.pseudonym).toBe(3);
    expect(dans.author.pseudonym).not.toBe(cleosNumber);
  });

  it("names a classmate's edits by pseudonym in the edit history", async () => {
    const s = await seminar();
    const anns = await post(s.ann, s.group, await within(2), "First version.");
    await updateAnnotation(s.ann.actor, anns.id, { body: bodyFromPlainText("Second version.") });
    const history = await listRevisions(s.ben.actor, anns.id);
    expect(history.revisions.length).toBeGreaterThan(0);
    expectNoTraceOf(history, s.ann);
    expect(history.revisions[0]!.editor.pseudonym).toBeGreaterThan(0);
    expectNamed(await listRevisions(s.teacher.actor, anns.id), s.ann);
  });
});

describe("anonymous to peers in the index", () => {
  it("sends the student pseudonyms and opaque ids for classmates on the readings, the instructor names", async () => {
    const s = await seminar();
    const anns = await post(s.ann, s.group, await within(2), "Ann's reading of the note.");
    const bens = await post(s.ben, s.group, await within(3), "Ben's own.");
    const teachers = await post(s.teacher, s.group, await within(3), "Framing question.");

    const index = await listAnnotationIndex(s.ben.actor, "soviet-note");
    expectNoTraceOf(index, s.ann);
    const annsSummary = index.annotations.find((a) => a.id === anns.id)!;
    const person = index.people.find((p) => p.id === annsSummary.authorId)!;
    expect(person.pseudonym).toBeGreaterThan(0);
    // The same pseudonym as the card; his own note is his; the instructor is named.
    const list = await listAnnotations(s.ben.actor, "soviet-note");
    expect(list.annotations.find((a) => a.id === anns.id)!.author).toEqual(person);
    expect(index.annotations.find((a) => a.id === bens.id)).toMatchObject({ mine: true, authorId: s.ben.id });
    expect(index.annotations.find((a) => a.id === teachers.id)!.authorId).toBe(s.teacher.id);
    // No base: the shared part's changes (which name authors by id) are never theirs to ask for.
    expect(index.base).toBeUndefined();
    const whole = await annotationIndexJsonUnlessUnchanged(s.ben.actor, "soviet-note", undefined, null, "x");
    expect(whole.json).not.toContain(s.ann.id);
    expect(whole.json).not.toContain(s.ann.name);

    const staffIndex = await listAnnotationIndex(s.teacher.actor, "soviet-note");
    expect(staffIndex.annotations.find((a) => a.id === anns.id)!.authorId).toBe(s.ann.id);
    expectNamed(staffIndex.people, s.ann);
  });
});

describe("anonymous to peers in search and cited-by", () => {
  it("finds a classmate's notes under their pseudonym, never by their id, and cites them so", async () => {
    const s = await seminar();
    const permalink = await createPermalink(
      { source: "soviet-note", editionNumber: note.number, start: 0, end: 20 },
      null,
    );
    const citingBody = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Quokkacite " },
            { type: "passageReference", attrs: { permalinkId: permalink.id, label: "See", quote: "x" } },
          ],
        },
      ],
    };
    const anns = await createAnnotation(
      s.ann.actor,
      annotationInput(note, await within(2), { groupId: s.group.id, visibility: "group", body: citingBody }),
    );
    const teachers = await post(s.teacher, s.group, await within(3), "Zebrafinch framing.");
    await replyToAnnotation(s.ann.actor, teachers.id, { body: bodyFromPlainText("Zebrafinch answer.") });
    const outside = await post(s.ann, s.group, await within(6), "Zebrafinch outside.");

    const search = (actor: Actor, query: Record<string, string>) =>
      searchLibrary(actor, SearchInputSchema.parse({ type: "notes", ...query }));
    const found = await search(s.ben.actor, { q: "Zebrafinch" });
    expect(found.notes.total).toBe(3);
    expectNoTraceOf(
      found.notes.items.filter((item) => item.id !== outside.id),
      s.ann,
    );
    const quokka = await search(s.ben.actor, { q: "Quokkacite" });
    expect(quokka.notes.items.map((item) => item.id)).toEqual([anns.id]);
    expect(quokka.notes.items[0]!.author.pseudonym).toBeGreaterThan(0);
    // Filtering by Ann's id finds only what names her (outside the reading), never her pseudonymous notes.
    const byAnn = await search(s.ben.actor, { q: "Zebrafinch", author: s.ann.id });
    expect(byAnn.notes.items.map((item) => item.id)).toEqual([outside.id]);
    expectNamed(await search(s.teacher.actor, { q: "Quokkacite" }), s.ann);
    expect((await search(s.teacher.actor, { q: "Zebrafinch", author: s.ann.id })).notes.total).toBe(2);

    const citedBy = await findCitingAnnotations(s.ben.actor, permalink.id);
    expect(citedBy.map((c) => c.id)).toEqual([anns.id]);
    expectNoTraceOf(citedBy, s.ann);
    expect(citedBy[0]!.author.pseudonym).toBeGreaterThan(0);
    expectNamed(await findCitingAnnotations(s.teacher.actor, permalink.id), s.ann);
  });
});

describe("anonymous to peers in exports and the protocol", () => {
  it("exports (JSON-LD, CSV, Markdown), Web Annotations and the container name a classmate by pseudonym", async () => {
    const s = await seminar();
    const bens = await post(s.ben, s.group, await within(2), "Ben's own note.");
    const annsReply = await replyToAnnotation(s.ann.actor, bens.id, {
      body: bodyFromPlainText("Ann replies."),
    });
    const anns = await post(s.ann, s.group, await within(3), "Ann's note.");
    const read = async (actor: Actor, format: "jsonld" | "csv" | "markdown") => {
      const file = await streamExport(
        actor,
        { kind: "mine" },
        { format, locale: "en", url: "https://glossa.example/export", readerOrigin: undefined },
      );
      return new Response(file.body).text();
    };
    // Ben's own export carries Ann's reply in his thread: under her pseudonym, in every format.
    for (const format of ["jsonld", "csv", "markdown"] as const) {
      const text = await read(s.ben.actor, format);
      expect(text).toContain("Ann replies.");
      expectNoTraceOf(text, s.ann);
      expect(text).toContain("Student ");
    }
    // Ann's own export names her.
    expectNamed(await read(s.ann.actor, "csv"), s.ann);

    const web = await getWebAnnotation(s.ben.actor, annsReply.id, { locale: "en", readerOrigin: undefined });
    expectNoTraceOf(web, s.ann);
    expectNamed(
      await getWebAnnotation(s.teacher.actor, anns.id, { locale: "en", readerOrigin: undefined }),
      s.ann,
    );

    const address = {
      groupId: s.group.id,
      slug: "soviet-note",
      iri: containerIri(s.group.id, "soviet-note", undefined),
      readerOrigin: undefined,
    };
    const container = await getProtocolContainer(s.ben.actor, address, "descriptions");
    expect((container as { total: number }).total).toBe(3);
    expectNoTraceOf(container, s.ann);
    expectNoTraceOf(await getProtocolAnnotation(s.ben.actor, address, anns.id), s.ann);
    expectNamed(await getProtocolContainer(s.teacher.actor, address, "descriptions"), s.ann);
  });
});

describe("anonymous to peers in who reads now", () => {
  it("tells a student a classmate reading the source by pseudonym, the staff by name; the staff all by name", async () => {
    const s = await seminar();
    const { id: sourceId } = await prisma().source.findUniqueOrThrow({ where: { slug: note.slug } });
    const present = [
      { id: s.ann.id, name: s.ann.name },
      { id: s.teacher.id, name: s.teacher.name },
    ];
    const toBen = await presentAs(
      s.ben.actor,
      await loadMemberships(dbReads, s.ben.actor),
      s.group.id,
      sourceId,
      present,
    );
    expectNoTraceOf(toBen, s.ann);
    expect(toBen[0]!.pseudonym).toBeGreaterThan(0);
    expect(toBen[1]).toEqual(present[1]);
    const toTeacher = await presentAs(
      s.teacher.actor,
      await loadMemberships(dbReads, s.teacher.actor),
      s.group.id,
      sourceId,
      present,
    );
    expect(toTeacher).toEqual(present);
  });
});

describe("the anonymity option", () => {
  it("is set by the form, told to each student with their pseudonym before they post, and to the staff", async () => {
    const s = await seminar();
    const [forAnn] = await findReaderAssignments(s.ann.actor, s.group.id, "soviet-note");
    const [forBen] = await findReaderAssignments(s.ben.actor, s.group.id, "soviet-note");
    const [forTeacher] = await findReaderAssignments(s.teacher.actor, s.group.id, "soviet-note");
    expect(forAnn!.anonymous!.pseudonym).toBeGreaterThan(0);
    expect(forBen!.anonymous!.pseudonym).toBeGreaterThan(0);
    expect(forBen!.anonymous!.pseudonym).not.toBe(forAnn!.anonymous!.pseudonym);
    expect(forTeacher!.anonymous).toEqual({ pseudonym: null });
    // Stable: the number told before posting is the one classmates then see.
    const again = await findReaderAssignments(s.ann.actor, s.group.id, "soviet-note");
    expect(again[0]!.anonymous!.pseudonym).toBe(forAnn!.anonymous!.pseudonym);
    const anns = await post(s.ann, s.group, await within(2), "Ann, anonymously.");
    const toBen = await listAnnotations(s.ben.actor, "soviet-note", s.group.id);
    expect(JSON.stringify(toBen.annotations.find((a) => a.id === anns.id))).toContain(
      `"pseudonym":${forAnn!.anonymous!.pseudonym}`,
    );
  });

  it("cannot be turned off once on (nothing saved), and a copy for a new term keeps it", async () => {
    const s = await seminar();
    const input = assignmentForm("Week 5: no longer anonymous");
    await expect(updateAssignment(s.teacher.actor, s.assignmentId, input)).rejects.toMatchObject({
      code: "INVALID",
      message: "anonymityPromised",
    });
    const kept = await getAssignment(s.teacher.actor, s.assignmentId);
    expect(kept).toMatchObject({ title: "Week 5: anonymous", anonymousToPeers: true });
    await updateAssignment(s.teacher.actor, s.assignmentId, { ...input, anonymousToPeers: "on" });
    expect((await getAssignment(s.teacher.actor, s.assignmentId)).title).toBe("Week 5: no longer anonymous");
    const copy = await copyAssignment(s.teacher.actor, s.assignmentId, { groupId: s.group.id });
    expect((await prisma().assignment.findUniqueOrThrow({ where: { id: copy.id } })).anonymousToPeers).toBe(
      true,
    );
  });
});
