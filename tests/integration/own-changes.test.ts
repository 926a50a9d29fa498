/**
 * A reader's own changes told with a new version (live updates): the threads of theirs that make
 * their own part's later state from the earlier one. A student writes on while their change is being
 * told: the note written after the later state is not in it, so it is left out rather than the whole
 * change given up (their tabs would then fetch the index after every note of a class writing).
 */
import { describe, expect, it } from "vitest";
import { ownStates, ownWhere } from "@/lib/annotations/annotation-tags";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { ownChangesBetween, ownChangesOf } from "@/lib/annotations/index/own-changes";
import { partStatesByAuthor } from "@/lib/annotations/index/part";
import { openList } from "@/lib/annotations/open-list";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { annotationInput, importedEdition } from "../support/annotation-factories";
import { createGroupWith, createUser } from "../support/factories";

async function seminarWriter() {
  const edition = await importedEdition("soviet-note");
  const [instructor, student] = await Promise.all([createUser(), createUser()]);
  const group = await createGroupWith({ instructor, students: [student], current: true });
  const write = (quote: string) =>
    createAnnotation(
      student.actor,
      annotationInput(edition, quote, { groupId: group.id, visibility: "group" }),
    );
  const ownState = async () => {
    const list = await openList(student.actor, "soviet-note", undefined);
    return { list, own: (await ownStates(list, student.actor!.userId)).own };
  };
  return { student, write, ownState };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a reader's own changes between two states", () => {
  it("tells the note that made the later state, not one written after it", async () => {
    const { student, write, ownState } = await seminarWriter();
    await write("Władimira Potiomkina");
    const before = await ownState();
    const second = await write("nocie dyplomatycznej");
    const after = await ownState();
    // Written while the change above is being told (a moment later: times are in milliseconds).
    await pause(2);
    const third = await write("wszystkie układy z Polską");

    const told = await ownChangesBetween(after.list, student.actor!.userId, before.own, after.own);
    expect(told?.annotations.map((a) => a.id)).toEqual([second.id]);
    expect(told?.count).toBe(2);
    expect(told?.annotations.map((a) => a.id)).not.toContain(third.id);
  });

  it("gives up (the reader fetches) when a note of the later state changed after it", async () => {
    const { student, write, ownState } = await seminarWriter();
    const before = await ownState();
    const first = await write("Władimira Potiomkina");
    const after = await ownState();
    await pause(2);
    await updateAnnotation(student.actor, first.id, { tags: ["edited"] });

    expect(await ownChangesBetween(after.list, student.actor!.userId, before.own, after.own)).toBeNull();
  });

  it("reads several writers' own work together exactly as each one's alone", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, first, second] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [first, second], current: true });
    const members = [instructor, first, second];
    const note = (who: (typeof members)[number], quote: string, shared = true) =>
      createAnnotation(
        who.actor,
        annotationInput(edition, quote, shared ? { groupId: group.id, visibility: "group" } : {}),
      );
    const statesNow = () =>
      Promise.all(
        members.map(async (member) => {
          const list = await openList(member.actor, "soviet-note", undefined);
          return {
            list,
            userId: member.actor!.userId,
            own: (await ownStates(list, member.actor!.userId)).own,
          };
        }),
      );
    await note(first, "Władimira Potiomkina");
    const before = await statesNow();
    await note(first, "nocie dyplomatycznej");
    await note(second, "wszystkie układy z Polską");
    // A personal note is in its writer's own part too.
    await note(second, "Władimira Potiomkina", false);
    const after = await statesNow();

    const together = await partStatesByAuthor(
      after[0]!.list.source,
      new Map(after.map((reader) => [reader.userId, ownWhere(reader.list, reader.userId)])),
    );
    expect(after.map((reader) => together.get(reader.userId))).toEqual(after.map((reader) => reader.own));
    // The instructor wrote nothing: the state of no threads.
    expect(together.get(instructor.actor!.userId)).toBe("0|0");

    const asked = after.map((reader, i) => ({ ...reader, from: before[i]!.own, to: reader.own }));
    const told = await ownChangesOf(after[0]!.list.source, asked);
    for (const ask of asked) {
      expect(told.get(ask.userId)).toEqual(await ownChangesBetween(ask.list, ask.userId, ask.from, ask.to));
    }
    expect(told.get(second.actor!.userId)?.annotations).toHaveLength(2);
    expect(told.get(first.actor!.userId)?.annotations).toHaveLength(1);
    expect(told.get(instructor.actor!.userId)?.annotations).toEqual([]);
  });
});
