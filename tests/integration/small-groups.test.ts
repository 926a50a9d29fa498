/**
 * Small groups (issue 13): the staff split an assignment's class into discussion groups (shuffled or
 * by hand); on the assignment's readings a student then receives only their own discussion group's
 * notes and the staff's, on every path they can read from (the list, the index and its sentence
 * counts, its tag, a single annotation, cited-by, search, export, live); a student not yet placed
 * only their own and the staff's; the staff everything. With reveal after posting, a locked reading
 * withholds every peer, an unlocked one still those outside the discussion group. Bad input saves
 * nothing; a copy keeps the option and size but not the groups.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { findReadableAnnotation, loadMemberships } from "@/lib/annotations/access";
import { copyAssignment } from "@/lib/assignments/copy-assignment";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { findDiscussionGroups } from "@/lib/assignments/find-discussion-groups";
import { getAssignment } from "@/lib/assignments/get-assignment";
import { moveToDiscussionGroup } from "@/lib/assignments/move-to-discussion-group";
import { shuffleDiscussionGroups } from "@/lib/assignments/shuffle-discussion-groups";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { openExport } from "@/lib/export/open-export";
import { findNotifications } from "@/lib/notifications/find-notifications";
import { readExportThreads } from "@/lib/export/read-export-threads";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { findCitingAnnotations } from "@/lib/permalinks/find-citing-annotations";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import { dbReads } from "@/lib/db";
import { importedEdition, type TestEdition } from "../support/annotation-factories";
import { assignmentInput, post, postCiting, seen, watchNote, within } from "../support/assignment-readers";
import {
  createGroupWith,
  createUser,
  label,
  outcome,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { testDatabase } from "../support/test-database";

const prisma = () => testDatabase().prisma;

let note: TestEdition, kuty: TestEdition;
beforeAll(async () => {
  [note, kuty] = [await importedEdition("soviet-note"), await importedEdition("kuty-directive")];
});

interface Seminar {
  teacher: TestUser;
  ta: TestUser;
  /** Ann and Ben discuss together, Cat and Dan together; Eve is not placed. */
  ann: TestUser;
  ben: TestUser;
  cat: TestUser;
  dan: TestUser;
  eve: TestUser;
  group: TestGroup;
  assignmentId: string;
}

const smallGroups = (size = 2, overrides: Record<string, unknown> = {}) =>
  assignmentInput({
    title: "Week 5: small groups",
    smallGroups: "on",
    discussionGroupSize: String(size),
    ...overrides,
  });

/** The id of the discussion group numbered `number` of the assignment. */
async function discussionGroupId(assignmentId: string, number: number): Promise<string> {
  return (await prisma().discussionGroup.findFirstOrThrow({ where: { assignmentId, number } })).id;
}

async function seminar(overrides: Record<string, unknown> = {}): Promise<Seminar> {
  const [teacher, ta, ann, ben, cat, dan, eve] = await Promise.all(
    Array.from({ length: 7 }, () => createUser()),
  );
  const group = await createGroupWith({
    instructor: teacher!,
    tas: [ta!],
    students: [ann!, ben!, cat!, dan!, eve!],
    current: true,
  });
  const { id } = await createAssignment(teacher!.actor, group.id, smallGroups(2, overrides));
  await moveToDiscussionGroup(teacher!.actor, id, { userId: ann!.id, discussionGroup: "new" });
  await moveToDiscussionGroup(teacher!.actor, id, { userId: cat!.id, discussionGroup: "new" });
  const [first, second] = [await discussionGroupId(id, 1), await discussionGroupId(id, 2)];
  await moveToDiscussionGroup(teacher!.actor, id, { userId: ben!.id, discussionGroup: first });
  await moveToDiscussionGroup(ta!.actor, id, { userId: dan!.id, discussionGroup: second });
  return {
    teacher: teacher!,
    ta: ta!,
    ann: ann!,
    ben: ben!,
    cat: cat!,
    dan: dan!,
    eve: eve!,
    group,
    assignmentId: id,
  };
}

const search = (actor: Actor, q: string) =>
  searchLibrary(actor, SearchInputSchema.parse({ q, type: "notes" }));

async function exportedRoots(actor: Actor, request: Parameters<typeof openExport>[1]): Promise<string[]> {
  const roots: string[] = [];
  for await (const batch of readExportThreads(dbReads, await openExport(actor, request), "en", 100)) {
    roots.push(...batch.map((thread) => thread.root.id));
  }
  return roots;
}

describe("small groups", () => {
  it("gives a student only their discussion group's and the staff's notes on the readings, on every path", async () => {
    const s = await seminar();
    const inRange = await within(note, 2);
    const bens = await post(s.ben, s.group, note, inRange, "Ben in range, Axolotlword.");
    const cats = await post(s.cat, s.group, note, inRange, "Cat in range, Pangolinword.");
    const catsOutside = await post(s.cat, s.group, note, await within(note, 6), "Cat outside the reading.");
    const teachers = await post(s.teacher, s.group, note, inRange, "Instructor framing.");
    const permalink = await createPermalink(
      { source: "kuty-directive", editionNumber: kuty.number, start: 0, end: 20 },
      null,
    );
    const catsCiting = await postCiting(s.cat, s.group, note, inRange, "Cites ", permalink.id);

    // Ann reads her mate Ben, the instructor, and Cat outside the reading; nothing of Cat inside.
    const anns = await seen(s.ann.actor);
    expect([bens.id, teachers.id, catsOutside.id].every((id) => anns.has(id))).toBe(true);
    expect([cats.id, catsCiting.id].some((id) => anns.has(id))).toBe(false);
    const memberships = await loadMemberships(dbReads, s.ann.actor);
    expect(
      label(await outcome(() => findReadableAnnotation(dbReads, s.ann.actor, memberships, cats.id))),
    ).toBe("NOT_FOUND annotationNotFound");
    expect((await findReadableAnnotation(dbReads, s.ann.actor, memberships, bens.id)).id).toBe(bens.id);
    expect((await findCitingAnnotations(s.ann.actor, permalink.id)).map((c) => c.id)).toEqual([]);
    expect((await search(s.ann.actor, "Pangolinword")).notes.total).toBe(0);
    expect((await search(s.ann.actor, "Axolotlword")).notes.total).toBe(1);
    // Cat and Dan read each other, not Ann's group.
    const catsView = await seen(s.dan.actor);
    expect(catsView.has(cats.id) && catsView.has(catsCiting.id) && !catsView.has(bens.id)).toBe(true);
    expect((await findCitingAnnotations(s.dan.actor, permalink.id)).map((c) => c.id)).toEqual([
      catsCiting.id,
    ]);
    // Eve, not placed: her own and the staff's only.
    const eves = await post(s.eve, s.group, note, inRange, "Eve alone.");
    const evesView = await seen(s.eve.actor);
    expect([...evesView].sort()).toEqual([catsOutside.id, eves.id, teachers.id].sort());
    expect(anns.has(eves.id)).toBe(false);
    // A student's export is their own work, with nothing of the other discussion group.
    const annsNote = await post(s.ann, s.group, note, inRange, "Ann's own.");
    expect(await exportedRoots(s.ann.actor, { kind: "mine" })).toEqual([annsNote.id]);
    // The staff read and export everything.
    const all = [bens.id, cats.id, catsCiting.id, teachers.id, eves.id, annsNote.id];
    for (const staff of [s.teacher, s.ta]) {
      const theirs = await seen(staff.actor);
      expect(all.every((id) => theirs.has(id))).toBe(true);
    }
    const assignmentExport = await exportedRoots(s.teacher.actor, {
      kind: "assignment",
      assignmentId: s.assignmentId,
    });
    expect(all.every((id) => assignmentExport.includes(id))).toBe(true);
    // The student is told who their discussion group is.
    expect((await getAssignment(s.ann.actor, s.assignmentId)).discussionMates).toEqual([s.ben.name]);
    expect((await getAssignment(s.eve.actor, s.assignmentId)).discussionMates).toBeNull();
  });

  it("moves a student at once: their index's tag changes, live readers hear a version, the new mates show", async () => {
    const s = await seminar();
    const inRange = await within(note, 3);
    const bens = await post(s.ben, s.group, note, inRange, "Ben.");
    const cats = await post(s.cat, s.group, note, inRange, "Cat.");
    const { changes, versions, until, current, stop } = await watchNote(s.ann.actor);
    try {
      await until(1);
      const tagBefore = await current();
      await moveToDiscussionGroup(s.teacher.actor, s.assignmentId, {
        userId: s.ann.id,
        discussionGroup: await discussionGroupId(s.assignmentId, 2),
      });
      await until(2);
      expect(versions.at(-1)).toBe(await current());
      expect(versions.at(-1)).not.toBe(tagBefore);
      const now = await seen(s.ann.actor);
      expect(now.has(cats.id) && !now.has(bens.id)).toBe(true);
      // Another group's note reaches her as a version alone (she fetches her own index), never as changes.
      await post(s.ben, s.group, note, inRange, "Ben again.");
      await until(3);
      expect(changes).toEqual([]);
    } finally {
      stop();
    }
    // Out of every group: her own and the staff's only.
    await moveToDiscussionGroup(s.teacher.actor, s.assignmentId, { userId: s.ann.id, discussionGroup: "" });
    expect([...(await seen(s.ann.actor))]).toEqual([]);
  });

  it("with reveal after posting: a locked reading withholds every peer, an unlocked one those of other groups", async () => {
    const s = await seminar({ revealAfterPosting: "on" });
    const inRange = await within(note, 2);
    const bens = await post(s.ben, s.group, note, inRange, "Ben.");
    const cats = await post(s.cat, s.group, note, inRange, "Cat.");
    const teachers = await post(s.teacher, s.group, note, inRange, "Instructor.");
    const before = await seen(s.ann.actor);
    expect([...before]).toEqual([teachers.id]);
    const anns = await post(s.ann, s.group, note, inRange, "Ann posts.");
    const after = await seen(s.ann.actor);
    expect([...after].sort()).toEqual([anns.id, bens.id, teachers.id].sort());
    expect(after.has(cats.id)).toBe(false);
  });

  it("shuffles the class into groups whose sizes differ by one at most, replacing the old ones", async () => {
    const s = await seminar();
    expect(await shuffleDiscussionGroups(s.teacher.actor, s.assignmentId)).toBe(2);
    const shuffled = await findDiscussionGroups(s.teacher.actor, s.assignmentId);
    expect(shuffled.groups.map((g) => g.number)).toEqual([1, 2]);
    const sizes = shuffled.groups.map(
      (g) => shuffled.students.filter((st) => st.discussionGroupId === g.id).length,
    );
    expect(sizes.sort()).toEqual([2, 3]);
    expect(shuffled.students.every((st) => st.discussionGroupId !== null)).toBe(true);
    // Everyone reads exactly their new mates' notes.
    const inRange = await within(note, 2);
    const notes = new Map<string, string>();
    for (const student of [s.ann, s.ben, s.cat, s.dan, s.eve]) {
      notes.set(student.id, (await post(student, s.group, note, inRange, `By ${student.name}`)).id);
    }
    const groupOf = new Map(shuffled.students.map((st) => [st.userId, st.discussionGroupId]));
    for (const student of [s.ann, s.cat]) {
      const expected = [...notes]
        .filter(([author]) => groupOf.get(author) === groupOf.get(student.id))
        .map(([, id]) => id);
      expect([...(await seen(student.actor))].sort()).toEqual(expected.sort());
    }
  });

  it("refuses bad input with a clear message and saves nothing", async () => {
    const s = await seminar();
    const [outsider] = [await createUser()];
    const other = await createGroupWith({ instructor: s.teacher, students: [outsider!] });
    const { id: otherAssignment } = await createAssignment(s.teacher.actor, other.id, assignmentInput());
    const count = await prisma().assignment.count();
    const create = (size: string) =>
      outcome(() =>
        createAssignment(s.teacher.actor, s.group.id, smallGroups(2, { discussionGroupSize: size })),
      );
    expect(label(await create("1"))).toBe("INVALID discussionGroupSizeInvalid");
    expect(label(await create(""))).toBe("INVALID discussionGroupSizeInvalid");
    expect(label(await create("6"))).toBe("INVALID discussionGroupSizeTooLarge");
    expect(label(await create("2.5"))).toBe("INVALID discussionGroupSizeInvalid");
    expect(await prisma().assignment.count()).toBe(count);
    const placed = await prisma().discussionMember.findMany({ where: { assignmentId: s.assignmentId } });
    const move = (input: unknown, actor = s.teacher.actor, id = s.assignmentId) =>
      outcome(() => moveToDiscussionGroup(actor, id, input));
    expect(label(await move({ userId: outsider!.id, discussionGroup: "new" }))).toBe(
      "INVALID studentInvalid",
    );
    expect(label(await move({ userId: s.teacher.id, discussionGroup: "new" }))).toBe(
      "INVALID studentInvalid",
    );
    expect(label(await move({ userId: s.eve.id, discussionGroup: "nosuchgroup" }))).toBe(
      "INVALID discussionGroupUnknown",
    );
    const elsewhere = await prisma().discussionGroup.create({
      data: { assignmentId: otherAssignment, number: 1 },
    });
    expect(label(await move({ userId: s.eve.id, discussionGroup: elsewhere.id }))).toBe(
      "INVALID discussionGroupUnknown",
    );
    expect(label(await move({ userId: s.eve.id, discussionGroup: "new" }, s.ann.actor))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(
      label(await move({ userId: outsider!.id, discussionGroup: "" }, s.teacher.actor, otherAssignment)),
    ).toBe("INVALID smallGroupsOff");
    expect(label(await outcome(() => shuffleDiscussionGroups(s.teacher.actor, otherAssignment)))).toBe(
      "INVALID smallGroupsOff",
    );
    expect(label(await outcome(() => shuffleDiscussionGroups(s.ben.actor, s.assignmentId)))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(await prisma().discussionMember.findMany({ where: { assignmentId: s.assignmentId } })).toEqual(
      placed,
    );
    expect(await prisma().discussionGroup.count({ where: { assignmentId: s.assignmentId } })).toBe(2);
  });

  it("notifies of a mention only those who may read the note: the author's discussion group and the staff", async () => {
    const s = await seminar();
    const inRange = await within(note, 2);
    await post(s.cat, s.group, note, inRange, `@${s.ann.name} @${s.dan.name} @${s.teacher.name} look`);
    const mentions = async (user: TestUser) =>
      (await findNotifications(user.actor)).filter((n) => n.kind === "MENTION").length;
    expect(await mentions(s.ann)).toBe(0);
    expect(await mentions(s.dan)).toBe(1);
    expect(await mentions(s.teacher)).toBe(1);
  });

  it("loads a student's memberships with as many queries for one assignment as for several", async () => {
    const s = await seminar();
    const calls = async () => {
      let count = 0;
      const counting = new Proxy(dbReads, {
        get(target, model) {
          const delegate = Reflect.get(target, model) as object;
          if (typeof model !== "string" || model.startsWith("$")) return delegate;
          return new Proxy(delegate, {
            get(inner, operation) {
              const call = Reflect.get(inner, operation) as unknown;
              if (typeof call !== "function") return call;
              return (...args: unknown[]) => {
                count += 1;
                return (call as (...a: unknown[]) => unknown).apply(inner, args);
              };
            },
          });
        },
      });
      const memberships = await loadMemberships(counting, s.ann.actor);
      return { count, ranges: memberships.find((m) => m.groupId === s.group.id)?.withheld?.length };
    };
    const addAssignment = async () => {
      const { id } = await createAssignment(
        s.teacher.actor,
        s.group.id,
        smallGroups(2, {
          revealAfterPosting: "on",
          readings: JSON.stringify([{ source: "soviet-note" }, { source: "kuty-directive" }]),
        }),
      );
      await shuffleDiscussionGroups(s.teacher.actor, id);
    };
    await addAssignment();
    const one = await calls();
    // The seminar's reading, and two readings withheld twice (reveal, small groups).
    expect(one.ranges).toBe(1 + 2 * 2);
    await addAssignment();
    await addAssignment();
    const several = await calls();
    expect(several.ranges).toBe(1 + 3 * 2 * 2);
    expect(several.count).toBe(one.count);
  });

  it("copies the option and size to another group but not the discussion groups; turning it off shows all", async () => {
    const s = await seminar();
    const [x, y] = [await createUser(), await createUser()];
    const next = await createGroupWith({ instructor: s.teacher, students: [x!, y!] });
    const copy = await copyAssignment(s.teacher.actor, s.assignmentId, { groupId: next.id });
    const copied = await findDiscussionGroups(s.teacher.actor, copy.id);
    expect(copied.size).toBe(2);
    expect(copied.groups).toEqual([]);
    expect(copied.students.every((st) => st.discussionGroupId === null)).toBe(true);
    // Off: every peer's note shows again (the groups stay, unused).
    const cats = await post(s.cat, s.group, note, await within(note, 2), "Cat.");
    expect((await seen(s.ann.actor)).has(cats.id)).toBe(false);
    await updateAssignment(s.teacher.actor, s.assignmentId, assignmentInput({ title: "Week 5" }));
    expect((await seen(s.ann.actor)).has(cats.id)).toBe(true);
  });
});
