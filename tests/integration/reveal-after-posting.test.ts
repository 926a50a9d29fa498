/**
 * Reveal after posting (issue 13): a student below an assignment's minimum receives none of their
 * peers' annotations on the assigned readings, on every path they can read from (the list, the
 * index and its sentence counts, its tag, a single annotation, its revisions, cited-by, search,
 * export, live), and receives them once they have posted their own; the staff's notes as the
 * assignment says; outside the readings nothing changes; "in each reading" unlocks readings one by
 * one; the staff always see everything and see who has unlocked.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { annotationListTag } from "@/lib/annotations/annotation-tags";
import { findReadableAnnotation, loadMemberships } from "@/lib/annotations/access";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { listRevisions } from "@/lib/annotations/list-revisions";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { findReaderAssignments } from "@/lib/assignments/find-reader-assignments";
import { getAssignmentProgress } from "@/lib/assignments/get-assignment-progress";
import { loadProgress } from "@/lib/assignments/load-progress";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { openExport } from "@/lib/export/open-export";
import { readExportThreads } from "@/lib/export/read-export-threads";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { findCitingAnnotations } from "@/lib/permalinks/find-citing-annotations";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import { dbReads } from "@/lib/db";
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
import {
  assignmentInput as baseInput,
  post,
  postCiting,
  seen,
  watchNote,
  within,
} from "../support/assignment-readers";

let note: TestEdition, kuty: TestEdition;
beforeAll(async () => {
  [note, kuty] = [await importedEdition("soviet-note"), await importedEdition("kuty-directive")];
});

const prisma = () => testDatabase().prisma;

function assignmentInput(overrides: Record<string, unknown> = {}) {
  return baseInput({ title: "Week 4: reveal", revealAfterPosting: "on", ...overrides });
}

interface Seminar {
  teacher: TestUser;
  ta: TestUser;
  ann: TestUser;
  ben: TestUser;
  group: TestGroup;
}

async function seminar(): Promise<Seminar> {
  const [teacher, ta, ann, ben] = await Promise.all([createUser(), createUser(), createUser(), createUser()]);
  const group = await createGroupWith({
    instructor: teacher,
    tas: [ta],
    students: [ann, ben],
    current: true,
  });
  return { teacher, ta, ann, ben, group };
}

describe("reveal after posting", () => {
  it("withholds peers' notes on the assigned range from every read path until the student posts", async () => {
    const s = await seminar();
    await createAssignment(s.teacher.actor, s.group.id, assignmentInput());
    const inRange = await within(note, 2);
    const outside = await within(note, 6);
    const bens = await post(s.ben, s.group, note, inRange, "Zebrafinch insight in range.");
    const bensOutside = await post(s.ben, s.group, note, outside, "Outside the reading.");
    const teachers = await post(s.teacher, s.group, note, inRange, "Instructor framing note.");
    const bensReply = await replyToAnnotation(s.teacher.actor, teachers.id, {
      body: bodyFromPlainText("Ben asks nothing here."),
    });
    const permalink = await createPermalink(
      { source: "kuty-directive", editionNumber: kuty.number, start: 0, end: 20 },
      null,
    );
    const citing = await postCiting(s.ben, s.group, note, inRange, "Quokkacite ", permalink.id);

    // Ann has posted nothing: Ben's notes in the range are withheld; the instructor's are shown
    // (the default), and Ben's note outside the reading too.
    const before = await seen(s.ann.actor);
    expect(before.has(bens.id)).toBe(false);
    expect(before.has(citing.id)).toBe(false);
    expect(before.has(teachers.id)).toBe(true);
    expect(before.has(bensOutside.id)).toBe(true);
    const tagBefore = await annotationListTag(s.ann.actor, "soviet-note", undefined, "index");
    expect(label(await outcome(() => findReadableAnnotation(dbReads, s.ann.actor, [], bens.id)))).toBe(
      "NOT_FOUND annotationNotFound",
    );
    const annMemberships = await loadMemberships(dbReads, s.ann.actor);
    expect(
      label(await outcome(() => findReadableAnnotation(dbReads, s.ann.actor, annMemberships, bens.id))),
    ).toBe("NOT_FOUND annotationNotFound");
    expect(label(await outcome(() => listRevisions(s.ann.actor, bens.id)))).toBe(
      "NOT_FOUND annotationNotFound",
    );
    expect(
      label(await outcome(() => replyToAnnotation(s.ann.actor, bens.id, { body: bodyFromPlainText("Hi") }))),
    ).toBe("NOT_FOUND annotationNotFound");
    expect((await findCitingAnnotations(s.ann.actor, permalink.id)).map((c) => c.id)).toEqual([]);
    const search = (actor: Actor, q: string) =>
      searchLibrary(actor, SearchInputSchema.parse({ q, type: "notes" }));
    expect((await search(s.ann.actor, "Zebrafinch")).notes.total).toBe(0);
    expect((await search(s.ann.actor, "Quokkacite")).notes.total).toBe(0);
    // The reply in the instructor's thread is read with its thread.
    expect(
      (await listAnnotations(s.ann.actor, "soviet-note")).annotations
        .find((a) => a.id === teachers.id)
        ?.replies.map((r) => r.id),
    ).toEqual([bensReply.id]);
    const exported: string[] = [];
    for await (const batch of readExportThreads(
      dbReads,
      await openExport(s.ann.actor, { kind: "mine" }),
      "en",
      100,
    )) {
      exported.push(...batch.map((thread) => thread.root.id));
    }
    expect(exported).toEqual([]);
    // The staff and Ben himself see everything.
    for (const staff of [s.teacher, s.ta]) {
      const theirs = await seen(staff.actor);
      expect([bens.id, citing.id, teachers.id, bensOutside.id].every((id) => theirs.has(id))).toBe(true);
    }
    // The banner counts.
    const [banner] = await findReaderAssignments(s.ann.actor, "current", "soviet-note");
    expect(banner!.reveal).toEqual({ posted: 0, required: 1, hidden: true });

    // Ann posts one of her own in the range: everything is revealed, under another tag.
    const anns = await post(s.ann, s.group, note, inRange, "My own reading.");
    const after = await seen(s.ann.actor);
    expect([bens.id, citing.id, teachers.id, bensOutside.id, anns.id].every((id) => after.has(id))).toBe(
      true,
    );
    expect(await annotationListTag(s.ann.actor, "soviet-note", undefined, "index")).not.toBe(tagBefore);
    expect(
      (
        await findReadableAnnotation(
          dbReads,
          s.ann.actor,
          await loadMemberships(dbReads, s.ann.actor),
          bens.id,
        )
      ).id,
    ).toBe(bens.id);
    expect((await findCitingAnnotations(s.ann.actor, permalink.id)).map((c) => c.id)).toEqual([citing.id]);
    expect((await search(s.ann.actor, "Zebrafinch")).notes.total).toBe(1);
    const [unlocked] = await findReaderAssignments(s.ann.actor, "current", "soviet-note");
    expect(unlocked!.reveal).toEqual({ posted: 1, required: 1, hidden: false });
  });

  it("withholds the staff's notes too when the assignment says so, and stops when it is deleted", async () => {
    const s = await seminar();
    const { id } = await createAssignment(
      s.teacher.actor,
      s.group.id,
      assignmentInput({ revealStaffNotes: "hidden" }),
    );
    const inRange = await within(note, 3);
    const teachers = await post(s.teacher, s.group, note, inRange, "Instructor note.");
    const tas = await post(s.ta, s.group, note, inRange, "TA note.");
    const bens = await post(s.ben, s.group, note, inRange, "Ben's note.");
    const before = await seen(s.ann.actor);
    expect([teachers.id, tas.id, bens.id].some((id) => before.has(id))).toBe(false);
    await deleteAssignment(s.teacher.actor, id);
    const after = await seen(s.ann.actor);
    expect([teachers.id, tas.id, bens.id].every((id) => after.has(id))).toBe(true);
  });

  it("counts only the student's own shared notes in the range, and in each reading unlocks one by one", async () => {
    const s = await seminar();
    const { id } = await createAssignment(
      s.teacher.actor,
      s.group.id,
      assignmentInput({
        minAnnotations: "2",
        inEachReading: "on",
        readings: JSON.stringify([
          { source: "soviet-note", firstSentence: 2, lastSentence: 3 },
          { source: "kuty-directive" },
        ]),
      }),
    );
    const inNote = await within(note, 2);
    const inKuty = await within(kuty, 1);
    const bensNote = await post(s.ben, s.group, note, inNote, "Ben on the note.");
    const bensKuty = await post(s.ben, s.group, kuty, inKuty, "Ben on Kuty.");
    // A private note and one outside the range count for nothing.
    await createAnnotation(
      s.ann.actor,
      annotationInput(note, inNote, { groupId: s.group.id, visibility: "private", body: "Private." }),
    );
    await post(s.ann, s.group, note, await within(note, 6), "Outside.");
    await post(s.ann, s.group, note, inNote, "One.");
    expect((await seen(s.ann.actor)).has(bensNote.id)).toBe(false);
    const [banner] = await findReaderAssignments(s.ann.actor, "current", "soviet-note");
    expect(banner!.reveal).toEqual({ posted: 1, required: 2, hidden: true });
    await post(s.ann, s.group, note, inNote, "Two.");
    // The note's reading unlocked; Kuty's still locked.
    expect((await seen(s.ann.actor)).has(bensNote.id)).toBe(true);
    expect((await seen(s.ann.actor, "kuty-directive")).has(bensKuty.id)).toBe(false);
    const progress = await getAssignmentProgress(s.teacher.actor, id);
    expect(progress.map((p) => [p.userId, p.revealUnlocked]).sort()).toEqual(
      [
        [s.ann.id, false],
        [s.ben.id, false],
      ].sort(),
    );
    await post(s.ann, s.group, kuty, inKuty, "Kuty one.");
    await post(s.ann, s.group, kuty, inKuty, "Kuty two.");
    expect((await seen(s.ann.actor, "kuty-directive")).has(bensKuty.id)).toBe(true);
    expect((await loadProgress(id, s.ann.id))[0]!.revealUnlocked).toBe(true);
  });

  it("sends a withheld student versions alone live, never the class's changes, and the reveal after their note", async () => {
    const s = await seminar();
    const inRange = await within(note, 2);
    const { changes, versions, until, current, stop } = await watchNote(s.ann.actor);
    try {
      await until(1);
      // Reveal turned on while Ann reads: she is told at once (her index's tag names what is withheld).
      await createAssignment(s.teacher.actor, s.group.id, assignmentInput());
      await until(2);
      expect(versions.at(-1)).toBe(await current());
      const bens = await post(s.ben, s.group, note, inRange, "Ben live.");
      await until(3);
      expect(changes).toEqual([]);
      expect((await seen(s.ann.actor)).has(bens.id)).toBe(false);
      await post(s.ann, s.group, note, inRange, "Ann live.");
      await until(4);
      // Not the class's changes since her last index (which would not bring Ben's note): a version.
      expect(changes).toEqual([]);
      expect(versions.at(-1)).toBe(await current());
      expect((await seen(s.ann.actor)).has(bens.id)).toBe(true);
    } finally {
      stop();
    }
  });

  it("refuses reveal with a minimum of 0 and saves nothing", async () => {
    const s = await seminar();
    const count = await prisma().assignment.count();
    expect(
      label(
        await outcome(() =>
          createAssignment(s.teacher.actor, s.group.id, assignmentInput({ minAnnotations: "0" })),
        ),
      ),
    ).toMatch(/^INVALID/);
    expect(await prisma().assignment.count()).toBe(count);
  });
});
