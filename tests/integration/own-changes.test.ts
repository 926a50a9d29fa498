/**
 * A reader's own changes told with a new version (live updates): the threads of theirs that make
 * their own part's later state from the earlier one. A student writes on while their change is being
 * told: the note written after the later state is not in it, so it is left out rather than the whole
 * change given up (their tabs would then fetch the index after every note of a class writing).
 */
import { describe, expect, it } from "vitest";
import { ownStates } from "@/lib/annotations/annotation-tags";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { ownChangesBetween } from "@/lib/annotations/index/own-changes";
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
});
