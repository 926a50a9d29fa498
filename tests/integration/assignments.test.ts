/**
 * Assignments as instructors and students meet them: who may create, read and change them, what
 * counts toward a student's progress (the assigned sentences only, in the group, since opening),
 * late work and extensions, and what deleting an assignment leaves behind.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { copyAssignment } from "@/lib/assignments/copy-assignment";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { exportProgress } from "@/lib/assignments/export-progress";
import { findGroupAssignments } from "@/lib/assignments/find-group-assignments";
import { findMyAssignments } from "@/lib/assignments/find-my-assignments";
import { findReaderAssignments } from "@/lib/assignments/find-reader-assignments";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { getAssignmentProgress } from "@/lib/assignments/get-assignment-progress";
import { setAssignmentClosed } from "@/lib/assignments/set-assignment-closed";
import { setExtension } from "@/lib/assignments/set-extension";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { utcToZonedTime } from "@/lib/assignments/zoned-time";
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

const HOUR_MS = 60 * 60 * 1000;
const prisma = () => testDatabase().prisma;

let note: TestEdition, kuty: TestEdition;
beforeAll(async () => {
  [note, kuty] = [await importedEdition("soviet-note"), await importedEdition("kuty-directive")];
});

/** The text of sentence `n` of the edition (from its passages). */
async function sentence(edition: TestEdition, n: number): Promise<string> {
  const passage = await prisma().passage.findFirstOrThrow({
    where: { number: n, edition: { number: edition.number, source: { slug: edition.slug } } },
  });
  return edition.text.slice(passage.start, passage.end).trim();
}

/** Form-like input in Warsaw time, opened an hour ago and due in `dueInHours` hours. */
function input(overrides: Record<string, unknown> = {}, dueInHours = 48) {
  const zone = "Europe/Warsaw";
  return {
    title: "Week 3: September 1939",
    instructions: JSON.stringify(bodyFromPlainText("Read closely; ask one question.")),
    opensAt: utcToZonedTime(new Date(Date.now() - HOUR_MS), zone),
    dueAt: utcToZonedTime(new Date(Date.now() + dueInHours * HOUR_MS), zone),
    timeZone: zone,
    minAnnotations: "2",
    minReplies: "1",
    minQuestions: "1",
    readings: JSON.stringify([
      { source: "soviet-note", firstSentence: 2, lastSentence: 3 },
      { source: "kuty-directive" },
    ]),
    ...overrides,
  };
}

async function seminar(): Promise<{
  teacher: TestUser;
  ta: TestUser;
  ann: TestUser;
  ben: TestUser;
  group: TestGroup;
}> {
  const [teacher, ta, ann, ben] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const group = await createGroupWith({ instructor: teacher, tas: [ta], students: [ann, ben] });
  return { teacher, ta, ann, ben, group };
}

async function post(
  user: TestUser,
  group: TestGroup,
  edition: TestEdition,
  quote: string,
  kind: "comment" | "question" = "comment",
) {
  return createAnnotation(
    user.actor,
    annotationInput(edition, quote, { groupId: group.id, visibility: "group", kind, body: "Two words." }),
  );
}

describe("who may do what", () => {
  it("lets instructors and teaching assistants create and manage assignments, students only read them", async () => {
    const { teacher, ta, ann, group } = await seminar();
    const { id } = await createAssignment(teacher.actor, group.id, input());
    expect(label(await outcome(() => createAssignment(ta.actor, group.id, input())))).toBe("ok");
    expect(label(await outcome(() => createAssignment(ann.actor, group.id, input())))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => setAssignmentClosed(ann.actor, id, true)))).toBe("FORBIDDEN notAllowed");
    expect(label(await outcome(() => deleteAssignment(ann.actor, id)))).toBe("FORBIDDEN notAllowed");
    expect(label(await outcome(() => getAssignmentProgress(ann.actor, id)))).toBe("FORBIDDEN notAllowed");
    expect((await getAssignment(ann.actor, id)).title).toBe("Week 3: September 1939");
    expect((await getAssignment(ann.actor, id)).extensions).toEqual([]);
    expect(await findGroupAssignments(ann.actor, group.id)).toHaveLength(2);
  });

  it("hides another group's assignment from a student, and refuses to create one there", async () => {
    const { teacher, group } = await seminar();
    const outsider = await createUser();
    await createGroupWith({ instructor: await createUser(), students: [outsider] });
    const { id } = await createAssignment(teacher.actor, group.id, input());
    expect(label(await outcome(() => getAssignment(outsider.actor, id)))).toBe(
      "NOT_FOUND assignmentNotFound",
    );
    expect(label(await outcome(() => findGroupAssignments(outsider.actor, group.id)))).toBe(
      "NOT_FOUND groupNotFound",
    );
    expect(label(await outcome(() => createAssignment(outsider.actor, group.id, input())))).toBe(
      "NOT_FOUND groupNotFound",
    );
    expect(label(await outcome(() => updateAssignment(outsider.actor, id, input())))).toBe(
      "NOT_FOUND assignmentNotFound",
    );
    expect(await findMyAssignments(outsider.actor)).toEqual([]);
    expect(await findReaderAssignments(outsider.actor, group.id, "soviet-note")).toEqual([]);
  });

  it("copies only into a group the instructor teaches", async () => {
    const { teacher, group } = await seminar();
    const next = await createGroupWith({ instructor: teacher });
    const foreign = await createGroupWith({ instructor: await createUser(), students: [teacher] });
    const { id } = await createAssignment(teacher.actor, group.id, input());
    const copy = await copyAssignment(teacher.actor, id, { groupId: next.id });
    const copied = await getAssignment(teacher.actor, copy.id);
    expect(copied.groupId).toBe(next.id);
    expect(copied.readings.map((r) => [r.sourceSlug, r.firstSentence, r.lastSentence])).toEqual([
      ["soviet-note", 2, 3],
      ["kuty-directive", null, null],
    ]);
    expect(label(await outcome(() => copyAssignment(teacher.actor, id, { groupId: foreign.id })))).toBe(
      "FORBIDDEN notAllowed",
    );
  });
});

describe("bad input", () => {
  it.each([
    [{ dueAt: "2020-01-01T10:00", opensAt: "2020-01-02T10:00" }, "INVALID dueBeforeOpens"],
    [{ readings: "[]" }, "INVALID readingsRequired"],
    [
      { readings: JSON.stringify([{ source: "soviet-note", firstSentence: 1, lastSentence: 9999 }]) },
      "INVALID rangeOutsideSource",
    ],
    [
      { readings: JSON.stringify([{ source: "soviet-note", firstSentence: 3, lastSentence: 2 }]) },
      "INVALID rangeInvalid",
    ],
    [{ readings: JSON.stringify([{ source: "no-such-source" }]) }, "INVALID readingSourceInvalid"],
    [{ timeZone: "Mars/Olympus" }, "INVALID timeZoneInvalid"],
    [{ title: "  " }, "INVALID assignmentTitleRequired"],
    [{ minAnnotations: "-1" }, "INVALID requirementInvalid"],
    [{ instructions: JSON.stringify({ type: "doc", content: [{ type: "script" }] }) }, "INVALID bodyInvalid"],
    [{ instructions: "{not json" }, "INVALID instructionsInvalid"],
  ])("refuses %j with %s and saves nothing", async (overrides, expected) => {
    const { teacher, group } = await seminar();
    expect(label(await outcome(() => createAssignment(teacher.actor, group.id, input(overrides))))).toBe(
      expected,
    );
    expect(await prisma().assignment.count({ where: { groupId: group.id } })).toBe(0);
  });
});

describe("progress", () => {
  it("counts only work inside the assigned sentences of the assigned sources, in the group", async () => {
    const { teacher, ann, ben, group } = await seminar();
    const { id } = await createAssignment(teacher.actor, group.id, input());
    const inRange = await sentence(note, 2);
    const outside = await sentence(note, 5);
    const first = await post(ann, group, note, inRange.slice(0, 15));
    await post(ann, group, note, (await sentence(note, 3)).slice(0, 15), "question");
    await post(ann, group, note, outside.slice(0, 15)); // outside the range
    await post(ann, group, kuty, kuty.text.slice(40, 60)); // whole source
    // Private notes and other groups' notes never count.
    await createAnnotation(ann.actor, annotationInput(note, inRange.slice(0, 10), { visibility: "private" }));
    await replyToAnnotation(ben.actor, first.id, { body: bodyFromPlainText("I agree with this reading.") });

    const rows = await getAssignmentProgress(teacher.actor, id);
    const annRow = rows.find((r) => r.userId === ann.id)!;
    const benRow = rows.find((r) => r.userId === ben.id)!;
    expect([annRow.annotations, annRow.questions, annRow.replies, annRow.words]).toEqual([3, 1, 0, 6]);
    expect(annRow.perReading).toEqual([
      { annotations: 2, replies: 0, questions: 1 },
      { annotations: 1, replies: 0, questions: 0 },
    ]);
    expect(annRow.status).toBe("inProgress"); // no reply yet
    expect([benRow.annotations, benRow.replies, benRow.words, benRow.status]).toEqual([
      0,
      1,
      5,
      "inProgress",
    ]);
    // The staff's own work is not in the table.
    expect(rows.map((r) => r.userId).sort()).toEqual([ann.id, ben.id].sort());

    await replyToAnnotation(ann.actor, first.id, { body: bodyFromPlainText("Yes.") });
    const [mine] = await findMyAssignments(ann.actor);
    expect(mine!.progress.status).toBe("complete");
    expect(mine!.firstReading).toEqual({ sourceSlug: "soviet-note", firstSentence: 2 });
  });

  it("counts work after the due date as late, unless the student has an extension", async () => {
    const { teacher, ann, ben, group } = await seminar();
    const { id } = await createAssignment(
      teacher.actor,
      group.id,
      input({ minReplies: "0", minQuestions: "0", minAnnotations: "1" }),
    );
    // Due an hour ago (set directly: the form refuses nothing about the past).
    await prisma().assignment.update({ where: { id }, data: { dueAt: new Date(Date.now() - HOUR_MS) } });
    await post(ann, group, note, (await sentence(note, 2)).slice(0, 12));
    await post(ben, group, note, (await sentence(note, 2)).slice(0, 12));
    await setExtension(teacher.actor, id, {
      userId: ben.id,
      dueAt: utcToZonedTime(new Date(Date.now() + 24 * HOUR_MS), "UTC"),
      timeZone: "UTC",
    });
    const rows = await getAssignmentProgress(teacher.actor, id);
    const annRow = rows.find((r) => r.userId === ann.id)!;
    const benRow = rows.find((r) => r.userId === ben.id)!;
    expect([annRow.annotations, annRow.lateItems, annRow.status]).toEqual([1, 1, "late"]);
    expect([benRow.annotations, benRow.lateItems, benRow.status, benRow.extended]).toEqual([
      1,
      0,
      "complete",
      true,
    ]);
    expect(
      label(
        await outcome(() =>
          setExtension(teacher.actor, id, { userId: teacher.id, dueAt: "2030-01-01T10:00", timeZone: "UTC" }),
        ),
      ),
    ).toBe("INVALID studentInvalid");
  });

  it("ignores work posted before the assignment opened", async () => {
    const { teacher, ann, group } = await seminar();
    const early = await post(ann, group, note, (await sentence(note, 2)).slice(0, 12));
    await prisma().annotation.update({
      where: { id: early.id },
      data: { createdAt: new Date(Date.now() - 5 * HOUR_MS) },
    });
    const { id } = await createAssignment(teacher.actor, group.id, input());
    const [row] = (await getAssignmentProgress(teacher.actor, id)).filter((r) => r.userId === ann.id);
    expect([row!.annotations, row!.status]).toEqual([0, "notStarted"]);
  });
});

describe("the CSV of the table", () => {
  it("gives the staff one row per student with Polish names intact, and refuses students", async () => {
    const { teacher, ann, group } = await seminar();
    const zofia = await createUser({ name: "Zofia Łęcka-Żółkiewska" });
    await prisma().membership.create({ data: { groupId: group.id, userId: zofia.id, role: "STUDENT" } });
    const { id } = await createAssignment(teacher.actor, group.id, input());
    await post(zofia, group, note, (await sentence(note, 2)).slice(0, 12));
    const { csv, filename } = await exportProgress(teacher.actor, id, "pl");
    expect(filename).toBe(`postepy-${id}.csv`);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "\ufeffStudent,Adnotacje,Odpowiedzi,Pytania,Słowa,Spóźnione,Stan,Termin (UTC),Ostatnia aktywność (UTC)",
    );
    expect(lines.filter((line) => line.startsWith("Zofia Łęcka-Żółkiewska,1,0,0,2,0,w toku,"))).toHaveLength(
      1,
    );
    expect(lines).toHaveLength(1 + 3 + 1); // the header, three students, the final line end
    expect(label(await outcome(() => exportProgress(ann.actor, id, "pl")))).toBe("FORBIDDEN notAllowed");
  });
});

describe("closing, reopening and deleting", () => {
  it("takes a closed assignment out of the reader and deleting it keeps every annotation", async () => {
    const { teacher, ann, group } = await seminar();
    const { id } = await createAssignment(teacher.actor, group.id, input());
    const work = await post(ann, group, note, (await sentence(note, 2)).slice(0, 12));
    expect((await findReaderAssignments(ann.actor, group.id, "soviet-note")).map((a) => a.title)).toEqual([
      "Week 3: September 1939",
    ]);
    expect(await findReaderAssignments(ann.actor, group.id, "moscicki-address")).toEqual([]);
    await setAssignmentClosed(teacher.actor, id, true);
    expect(await findReaderAssignments(ann.actor, group.id, "soviet-note")).toEqual([]);
    await setAssignmentClosed(teacher.actor, id, false);
    expect(await findReaderAssignments(ann.actor, group.id, "soviet-note")).toHaveLength(1);
    await deleteAssignment(teacher.actor, id);
    expect(await prisma().assignment.count({ where: { id } })).toBe(0);
    expect(await prisma().annotation.count({ where: { id: work.id } })).toBe(1);
  });

  it("keeps the instructor's wall-clock time and zone for display", async () => {
    const { teacher, group } = await seminar();
    const { id } = await createAssignment(
      teacher.actor,
      group.id,
      input({ opensAt: "2030-03-30T09:00", dueAt: "2030-03-31T10:00", timeZone: "Europe/Warsaw" }),
    );
    const found = await getAssignment(teacher.actor, id);
    // 31 March 2030 is after the change to summer time in Warsaw (UTC+2).
    expect(found.dueAt.toISOString()).toBe("2030-03-31T08:00:00.000Z");
    expect(found.opensAt.toISOString()).toBe("2030-03-30T08:00:00.000Z");
    expect(utcToZonedTime(found.dueAt, found.timeZone)).toBe("2030-03-31T10:00");
  });
});
