/**
 * "Helpful" marks and instructor highlights (issue 13): who may mark (once, never their own, while a
 * member who reads the note), what each reader sees of the marks (a count and their own mark, never
 * who), that a count travels only with the note's own view (a note a reader cannot read brings them
 * nothing), that a highlight puts a note first for everyone who reads it, and that both reach
 * readers who follow the source live, through the tier's shared changes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { unpackThreads, type SharedChanges } from "@/lib/annotations/index/wire";
import { annotationListTag } from "@/lib/annotations/annotation-tags";
import { listAnnotationIndex } from "@/lib/annotations/list-annotation-index";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { setFeatured } from "@/lib/annotations/set-featured";
import { setHelpfulMark } from "@/lib/annotations/set-helpful-mark";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { watchAnnotationVersions } from "@/lib/annotations/watch-annotations";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { removeMember } from "@/lib/groups/remove-member";
import { listedFirst } from "@/lib/annotations/listed-first";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, label, outcome, type TestUser } from "../support/factories";

let edition: TestEdition;
beforeAll(async () => {
  edition = await importedEdition("soviet-note");
});

async function seminar() {
  const [instructor, assistant, author, marker, classmate] = await Promise.all(
    ["Prof. Nowak", "Ewa Assistant", "Adam Author", "Marta Marker", "Kamil Classmate"].map((name) =>
      createUser({ name: `${name} ${Math.random().toString(36).slice(2, 8)}` }),
    ),
  );
  if (!instructor || !assistant || !author || !marker || !classmate) throw new Error("five users");
  const group = await createGroupWith({
    instructor,
    tas: [assistant],
    students: [author, marker, classmate],
    current: true,
  });
  const note = (user: TestUser, quote: string, visibility: "group" | "instructors" | "private" = "group") =>
    createAnnotation(user.actor, annotationInput(edition, quote, { groupId: group.id, visibility }));
  return { instructor, assistant, author, marker, classmate, group, note };
}

const card = async (user: TestUser, id: string) =>
  (await listAnnotations(user.actor, edition.slug)).annotations.find((a) => a.id === id);
const summary = async (user: TestUser, id: string) =>
  (await listAnnotationIndex(user.actor, edition.slug)).annotations.find((a) => a.id === id);

describe("helpful marks", () => {
  it("counts one mark per member, shows each reader only whether they marked it, and takes it back", async () => {
    const s = await seminar();
    const note = await s.note(s.author, "ucieczce rządu");
    expect((await card(s.classmate, note.id))!.helpful).toEqual({ count: 0, marked: false, canMark: true });

    expect(await setHelpfulMark(s.marker.actor, note.id, true)).toEqual({
      count: 1,
      marked: true,
      canMark: true,
    });
    // A second mark by the same member changes nothing.
    expect(await setHelpfulMark(s.marker.actor, note.id, true)).toEqual({
      count: 1,
      marked: true,
      canMark: true,
    });
    await setHelpfulMark(s.instructor.actor, note.id, true);

    expect((await card(s.marker, note.id))!.helpful).toEqual({ count: 2, marked: true, canMark: true });
    expect((await card(s.classmate, note.id))!.helpful).toEqual({ count: 2, marked: false, canMark: true });
    // The author sees the count, and may not mark their own note.
    expect((await card(s.author, note.id))!.helpful).toEqual({ count: 2, marked: false, canMark: false });
    // The count rides in every reader's index (the author's own part, the class's shared part).
    expect((await summary(s.classmate, note.id))!.helpful).toBe(2);
    expect((await summary(s.author, note.id))!.helpful).toBe(2);

    expect(await setHelpfulMark(s.marker.actor, note.id, false)).toEqual({
      count: 1,
      marked: false,
      canMark: true,
    });
    // Taking back a mark not given changes nothing.
    expect((await setHelpfulMark(s.classmate.actor, note.id, false)).count).toBe(1);
    expect((await summary(s.classmate, note.id))!.helpful).toBe(1);
  });

  it("refuses one's own note, a reply, and anyone who cannot read the note or was removed", async () => {
    const s = await seminar();
    const note = await s.note(s.author, "ucieczce rządu");
    const reply = await replyToAnnotation(s.classmate.actor, note.id, { body: bodyFromPlainText("Yes.") });
    const outsider = await createUser();
    const mark = (user: TestUser, id: string) => outcome(() => setHelpfulMark(user.actor, id, true));

    expect(label(await mark(s.author, note.id))).toBe("FORBIDDEN notAllowed");
    expect(label(await mark(s.marker, reply.id))).toBe("FORBIDDEN notAllowed");
    expect(label(await mark(outsider, note.id))).toBe("NOT_FOUND annotationNotFound");
    expect(label(await outcome(() => setHelpfulMark(null, note.id, true)))).toBe(
      "UNAUTHENTICATED signInRequired",
    );
    await removeMember(s.instructor.actor, s.group.id, s.marker.id);
    expect(label(await mark(s.marker, note.id))).toBe("NOT_FOUND annotationNotFound");
    expect((await card(s.classmate, note.id))!.helpful.count).toBe(0);
  });

  it("keeps the count with the note: a reader who cannot read it gets nothing of it", async () => {
    const s = await seminar();
    const forStaff = await s.note(s.author, "rozpadzie państwa", "instructors");
    const draft = await s.note(s.author, "nocie dyplomatycznej", "private");
    await setHelpfulMark(s.assistant.actor, forStaff.id, true);

    expect((await card(s.instructor, forStaff.id))!.helpful.count).toBe(1);
    expect(await summary(s.classmate, forStaff.id)).toBeUndefined();
    expect(await card(s.classmate, forStaff.id)).toBeUndefined();
    expect(label(await outcome(() => setHelpfulMark(s.classmate.actor, forStaff.id, true)))).toBe(
      "NOT_FOUND annotationNotFound",
    );
    expect(label(await outcome(() => setHelpfulMark(s.instructor.actor, draft.id, true)))).toBe(
      "NOT_FOUND annotationNotFound",
    );
  });

  it("gives nothing of the marks on a thread that is withheld from a reader who replied in it", async () => {
    const s = await seminar();
    const note = await s.note(s.author, "ucieczce rządu");
    await replyToAnnotation(s.classmate.actor, note.id, { body: bodyFromPlainText("Agreed.") });
    await setHelpfulMark(s.marker.actor, note.id, true);
    await setFeatured(s.instructor.actor, note.id, true);
    await updateAnnotation(s.author.actor, note.id, { visibility: "private" });

    const placeholder = await summary(s.classmate, note.id);
    expect(placeholder).toMatchObject({ authorId: "", kind: "comment" });
    expect(placeholder!.helpful).toBeUndefined();
    expect(placeholder!.featured).toBeUndefined();
    const view = (await card(s.classmate, note.id))!;
    expect(view.withheld).toBe(true);
    expect(view.helpful).toEqual({ count: 0, marked: false, canMark: false });
    expect(view.featured).toEqual({ featured: false, canFeature: false });
  });

  it("never tells anyone who marked a note", async () => {
    const s = await seminar();
    const note = await s.note(s.author, "ucieczce rządu");
    await setHelpfulMark(s.marker.actor, note.id, true);
    for (const reader of [s.author, s.classmate, s.instructor]) {
      const seen = JSON.stringify([
        await listAnnotations(reader.actor, edition.slug),
        await listAnnotationIndex(reader.actor, edition.slug),
      ]);
      expect(seen).toContain(note.id);
      expect(seen).not.toContain(s.marker.id);
      expect(seen).not.toContain(s.marker.name);
    }
  });
});

describe("instructor highlights", () => {
  it("lets the group's staff highlight a note, shown first to every reader who reads it", async () => {
    const s = await seminar();
    const first = await s.note(s.author, "ucieczce rządu");
    const second = await s.note(s.classmate, "rozpadzie państwa");
    const forStaff = await s.note(s.classmate, "nocie dyplomatycznej", "instructors");

    expect(label(await outcome(() => setFeatured(s.author.actor, second.id, true)))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(await setFeatured(s.assistant.actor, second.id, true)).toEqual({
      featured: true,
      canFeature: true,
    });
    await setFeatured(s.instructor.actor, forStaff.id, true);

    const studentIndex = await listAnnotationIndex(s.marker.actor, edition.slug);
    const ids = (list: { id: string }[]) => list.map((a) => a.id).filter((id) => id !== first.id);
    expect(listedFirst(studentIndex.annotations).map((a) => a.id)[0]).toBe(second.id);
    // The note for the staff is highlighted too, but reaches no student for it.
    expect(ids(studentIndex.annotations)).toEqual([second.id]);
    expect((await card(s.marker, second.id))!.featured).toEqual({ featured: true, canFeature: false });
    expect((await card(s.instructor, second.id))!.featured).toEqual({ featured: true, canFeature: true });
    const staffOrder = listedFirst((await listAnnotationIndex(s.instructor.actor, edition.slug)).annotations);
    expect(
      staffOrder
        .slice(0, 2)
        .map((a) => a.id)
        .sort(),
    ).toEqual([second.id, forStaff.id].sort());
    expect(staffOrder.at(-1)!.id).toBe(first.id);

    await setFeatured(s.instructor.actor, second.id, false);
    expect((await summary(s.marker, second.id))!.featured).toBeUndefined();
  });
});

describe("following marks live", () => {
  const watchers: (() => void)[] = [];
  afterAll(() => watchers.forEach((stop) => stop()));

  it("sends a classmate the new count and the highlight as the class's changes", async () => {
    const s = await seminar();
    const note = await s.note(s.author, "ucieczce rządu");
    const versions: string[] = [];
    const changes: SharedChanges[] = [];
    const watch = await watchAnnotationVersions(s.classmate.actor, [edition.slug], {
      version: (_slug, version) => versions.push(version),
      changes: (_slug, found) => {
        changes.push(found);
        versions.push(found.version);
      },
      end: () => {},
    });
    watchers.push(() => watch.stop());
    const until = async (count: number) => {
      const deadline = Date.now() + 5_000;
      while (versions.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(versions.length).toBe(count);
    };
    await until(1);
    await setHelpfulMark(s.marker.actor, note.id, true);
    await until(2);
    expect(versions[1]).toBe(await annotationListTag(s.classmate.actor, edition.slug, undefined, "index"));
    await setFeatured(s.instructor.actor, note.id, true);
    await until(3);
    const sent = changes.flatMap((change) => unpackThreads(change.annotations, change.people));
    // The class's changes (a first change may come as a version alone): only this note, as it is now.
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((thread) => thread.id === note.id)).toBe(true);
    expect(sent.at(-1)).toMatchObject({ id: note.id, helpful: 1, featured: true });
  });
});
