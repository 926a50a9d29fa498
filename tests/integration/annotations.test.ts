/**
 * Annotations through their services: who reads what on every read path (the list the reader and the
 * API show, the per-sentence counts, single reads behind revisions, replies), what a bad request
 * gets (and that nothing is written), edits with history, tombstones, hiding, and placing
 * annotations made on an older edition.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { annotationReadWhere, groupSharedReadWhere, readingTier, type Actor } from "@/lib/auth/policy";
import { loadMemberships } from "@/lib/annotations/access";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { hideAnnotation, unhideAnnotation } from "@/lib/annotations/hide-annotation";
import { unpackIndex, type PackedAnnotationIndex } from "@/lib/annotations/index/wire";
import { annotationListTag } from "@/lib/annotations/annotation-tags";
import {
  annotationIndexJsonUnlessUnchanged,
  listAnnotationIndex,
} from "@/lib/annotations/list-annotation-index";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { listAnnotationPage } from "@/lib/annotations/list-page";
import { listRevisions } from "@/lib/annotations/list-revisions";
import { decodePageCursor } from "@/lib/annotations/page-cursor";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { changeRole } from "@/lib/groups/change-role";
import { removeMember } from "@/lib/groups/remove-member";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import type { AnnotationSummary, AnnotationView } from "@/lib/annotations/types";
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

let edition: TestEdition;
beforeAll(async () => {
  edition = await importedEdition("soviet-note");
});

const annotationCount = () => testDatabase().prisma.annotation.count();

/** Quotes of the annotations an actor sees in a group's list, sorted. */
async function seen(actor: Actor, group: TestGroup | "none", slug = "soviet-note"): Promise<string[]> {
  const list = await listAnnotations(actor, slug, group === "none" ? "none" : group.id);
  return list.annotations.map((a) => (a.bodyHtml ? textOf(a) : `(${a.kind})`)).sort();
}

function textOf(annotation: AnnotationView): string {
  return annotation.bodyHtml.replace(/<[^>]+>/gu, "");
}

describe("who reads which annotation", () => {
  let instructor: TestUser, assistant: TestUser, author: TestUser, classmate: TestUser, outsider: TestUser;
  let otherInstructor: TestUser, otherStudent: TestUser;
  let group: TestGroup, otherGroup: TestGroup;

  beforeAll(async () => {
    [instructor, assistant, author, classmate, outsider, otherInstructor, otherStudent] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser(),
      createUser(),
      createUser(),
      createUser(),
    ]);
    group = await createGroupWith({ instructor, tas: [assistant], students: [author, classmate] });
    otherGroup = await createGroupWith({ instructor: otherInstructor, students: [otherStudent] });
    const make = (
      user: TestUser,
      quote: string,
      body: string,
      options: Parameters<typeof annotationInput>[2],
    ) => createAnnotation(user.actor, annotationInput(edition, quote, { ...options, body }));
    await make(author, "wszystkie układy z Polską", "only-me", { groupId: group.id, visibility: "private" });
    await make(author, "nocie dyplomatycznej", "for-instructors", {
      groupId: group.id,
      visibility: "instructors",
    });
    await make(author, "Władimira Potiomkina", "for-group", { groupId: group.id, visibility: "group" });
    const hidden = await make(classmate, "Wacławowi Grzybowskiemu", "hidden-one", {
      groupId: group.id,
      visibility: "group",
    });
    await hideAnnotation(assistant.actor, hidden.id, { reason: "Off topic" });
    await make(author, "rozpadzie państwa", "personal-note", { groupId: null, visibility: "private" });
    await make(otherStudent, "ucieczce rządu", "other-group", {
      groupId: otherGroup.id,
      visibility: "group",
    });
  });

  it.each([
    ["the author", () => author, ["for-group", "for-instructors", "only-me", "personal-note"]],
    ["a classmate (author of the hidden one)", () => classmate, ["for-group", "hidden-one"]],
    ["the teaching assistant", () => assistant, ["for-group", "for-instructors", "hidden-one"]],
    ["the instructor", () => instructor, ["for-group", "for-instructors", "hidden-one"]],
  ])("%s sees exactly what the policy allows in the group's list", async (_who, user, expected) => {
    expect(await seen(user().actor, group)).toEqual(expected);
  });

  it("private annotations are never seen by instructors, even through counts", async () => {
    const list = await listAnnotations(instructor.actor, "soviet-note", group.id);
    // Sentence 3 holds only the author's private annotation; sentence 1 three shared ones.
    expect(list.sentenceCounts).toEqual({ "1": 3 });
    const authorsList = await listAnnotations(author.actor, "soviet-note", group.id);
    expect(authorsList.sentenceCounts).toEqual({ "1": 2, "2": 1, "3": 1 });
  });

  it("the index (every highlight at once) lists the same threads, in the same order, with the same counts", async () => {
    for (const user of [author, classmate, assistant, instructor]) {
      const [list, index] = await Promise.all([
        listAnnotations(user.actor, "soviet-note", group.id),
        listAnnotationIndex(user.actor, "soviet-note", group.id),
      ]);
      expect(index.annotations.map((a) => a.id)).toEqual(list.annotations.map((a) => a.id));
      expect(index.sentenceCounts).toEqual(list.sentenceCounts);
      expect(index.people.map((p) => p.id).sort()).toEqual(
        [...new Set(list.annotations.map((a) => a.author.id))].sort(),
      );
      for (const summary of index.annotations) {
        const view = list.annotations.find((a) => a.id === summary.id)!;
        expect(summary).toMatchObject({
          kind: view.kind,
          authorId: view.author.id,
          mine: view.mine,
          tags: view.tags,
          anchor: view.anchor,
          hidden: view.hidden !== null,
        });
      }
    }
    for (const user of [outsider, otherStudent]) {
      expect(label(await outcome(() => listAnnotationIndex(user.actor, "soviet-note", group.id)))).toBe(
        "NOT_FOUND groupNotFound",
      );
    }
    expect(label(await outcome(() => listAnnotationIndex(null, "soviet-note", group.id)))).toBe(
      "UNAUTHENTICATED signInRequired",
    );
  });

  it("what a reading tier shares in a group, plus a member's own, is exactly what the policy lets them read", async () => {
    const { prisma } = testDatabase();
    const ids = async (where: object) =>
      (await prisma.annotation.findMany({ where: { parentId: null, ...where }, select: { id: true } }))
        .map((row) => row.id)
        .sort();
    for (const [user, tier] of [
      [author, "members"],
      [classmate, "members"],
      [assistant, "moderators"],
      [instructor, "moderators"],
    ] as const) {
      const memberships = await loadMemberships(prisma, user.actor);
      expect(readingTier(memberships.find((m) => m.groupId === group.id)?.role)).toBe(tier);
      const inGroup = { groupId: group.id };
      const shared = await ids({ AND: [groupSharedReadWhere(group.id, tier)] });
      const own = await ids({ ...inGroup, authorId: user.actor!.userId });
      const readable = await ids({ AND: [inGroup, annotationReadWhere(user.actor, memberships)] });
      expect(readable).toEqual([...new Set([...shared, ...own])].sort());
      // Nobody's private annotation is in a shared part, and members share no hidden one.
      expect(shared.every((id) => readable.includes(id))).toBe(true);
    }
    const sharedQuotes = async (tier: "members" | "moderators") =>
      (
        await prisma.annotation.findMany({
          where: groupSharedReadWhere(group.id, tier),
          select: { bodyText: true },
        })
      )
        .map((row) => row.bodyText)
        .sort();
    expect(await sharedQuotes("members")).toEqual(["for-group"]);
    expect(await sharedQuotes("moderators")).toEqual(["for-group", "for-instructors", "hidden-one"]);
  });

  it("the index route's JSON (cached per reader and state) is the reader's own and follows changes", async () => {
    const json = async (user: TestUser, etag: string | null = null) =>
      annotationIndexJsonUnlessUnchanged(user.actor, "soviet-note", group.id, etag);
    const first = await json(author);
    const again = await json(author);
    expect(again).toEqual(first);
    expect(await json(author, first.tag)).toEqual({ tag: first.tag, json: null });
    const ids = (body: string | null) =>
      unpackIndex(JSON.parse(body!) as PackedAnnotationIndex).annotations.map((a) => a.id);
    const authorsIds = ids(first.json);
    // Same moment, another reader: another tag, and none of the author's private notes.
    const instructors = await json(instructor);
    expect(instructors.tag).not.toBe(first.tag);
    const onlyMe = (await listAnnotations(author.actor, "soviet-note", group.id)).annotations.find(
      (a) => textOf(a) === "only-me",
    )!;
    expect(authorsIds).toContain(onlyMe.id);
    expect(ids(instructors.json)).not.toContain(onlyMe.id);
    // A change: a new tag, and the index shows it.
    await updateAnnotation(author.actor, onlyMe.id, { tags: ["cached?"] });
    const changed = await json(author, first.tag);
    expect(changed.tag).not.toBe(first.tag);
    const summary = unpackIndex(JSON.parse(changed.json!) as PackedAnnotationIndex).annotations.find(
      (a) => a.id === onlyMe.id,
    );
    expect(summary?.tags).toEqual(["cached?"]);
    await updateAnnotation(author.actor, onlyMe.id, { tags: [] });
  });

  it("cards asked for by id come only where the list would show them", async () => {
    const lists = await Promise.all([
      listAnnotations(author.actor, "soviet-note", group.id),
      listAnnotations(instructor.actor, "soviet-note", group.id),
      listAnnotations(otherStudent.actor, "soviet-note", otherGroup.id),
      listAnnotations(author.actor, "soviet-note", "none"),
    ]);
    const ids = [...new Set(lists.flatMap((list) => list.annotations.map((a) => a.id)))];
    const cards = async (user: TestUser) =>
      (await listAnnotations(user.actor, "soviet-note", group.id, ids)).annotations
        .map((a) => (a.bodyHtml ? textOf(a) : `(${a.kind})`))
        .sort();
    // The private note, the other group's and the personal note of someone else are simply absent.
    expect(await cards(instructor)).toEqual(["for-group", "for-instructors", "hidden-one"]);
    expect(await cards(classmate)).toEqual(["for-group", "hidden-one"]);
    expect(await cards(author)).toEqual(["for-group", "for-instructors", "only-me", "personal-note"]);
    expect(await cards(otherStudent).catch((error: Error) => error.message)).toBe("groupNotFound");
  });

  it("outsiders and members of another group cannot list the group at all", async () => {
    for (const user of [outsider, otherInstructor, otherStudent]) {
      expect(label(await outcome(() => listAnnotations(user.actor, "soviet-note", group.id)))).toBe(
        "NOT_FOUND groupNotFound",
      );
    }
    expect(label(await outcome(() => listAnnotations(null, "soviet-note", group.id)))).toBe(
      "UNAUTHENTICATED signInRequired",
    );
  });

  it("nothing crosses groups: the other group's list holds only its own annotations", async () => {
    expect(await seen(otherInstructor.actor, otherGroup)).toEqual(["other-group"]);
    expect(await seen(otherStudent.actor, otherGroup)).toEqual(["other-group"]);
  });

  it("personal notes show for their author with no group, and for nobody else", async () => {
    expect(await seen(author.actor, "none")).toEqual(["personal-note"]);
    expect(await seen(instructor.actor, "none")).toEqual([]);
  });

  it("a single annotation (its history) is NOT_FOUND for whoever may not read it", async () => {
    const mine = await listAnnotations(author.actor, "soviet-note", group.id);
    const onlyMe = mine.annotations.find((a) => textOf(a) === "only-me")!;
    const forInstructors = mine.annotations.find((a) => textOf(a) === "for-instructors")!;
    const expectations: [TestUser, string, string][] = [
      [instructor, onlyMe.id, "NOT_FOUND annotationNotFound"],
      [classmate, onlyMe.id, "NOT_FOUND annotationNotFound"],
      [author, onlyMe.id, "ok"],
      [classmate, forInstructors.id, "NOT_FOUND annotationNotFound"],
      [assistant, forInstructors.id, "ok"],
      [otherInstructor, forInstructors.id, "NOT_FOUND annotationNotFound"],
    ];
    for (const [user, id, expected] of expectations) {
      expect(label(await outcome(() => listRevisions(user.actor, id)))).toBe(expected);
      // Replying, editing and hiding reveal no more than reading does.
      if (expected !== "ok") {
        expect(
          label(await outcome(() => replyToAnnotation(user.actor, id, { body: bodyFromPlainText("x") }))),
        ).toBe(expected);
        expect(label(await outcome(() => hideAnnotation(user.actor, id, { reason: "x" })))).toBe(expected);
        expect(label(await outcome(() => updateAnnotation(user.actor, id, { tags: ["x"] })))).toBe(expected);
        expect(label(await outcome(() => deleteAnnotation(user.actor, id)))).toBe(expected);
      }
    }
  });

  it("the hidden annotation carries its reason for those who still see it", async () => {
    const list = await listAnnotations(classmate.actor, "soviet-note", group.id);
    const hidden = list.annotations.find((a) => textOf(a) === "hidden-one")!;
    expect(hidden.hidden).toMatchObject({ reason: "Off topic", by: { id: assistant.id } });
  });

  it("a body's JSON goes only to its author; others get the rendered HTML", async () => {
    const list = await listAnnotations(instructor.actor, "soviet-note", group.id);
    const forGroup = list.annotations.find((a) => textOf(a) === "for-group")!;
    expect(forGroup.body).toBeNull();
    expect(forGroup.bodyHtml).toBe("<p>for-group</p>");
  });
});

describe("a new note's card", () => {
  it("is the card the list then shows its author", async () => {
    const [instructor, student] = [await createUser(), await createUser()];
    const group = await createGroupWith({ instructor, students: [student], current: true });
    const body = "A note of my own";
    const made = await createAnnotation(
      student.actor,
      annotationInput(edition, "ucieczce rządu", { groupId: group.id, visibility: "group", body }),
    );
    const listed = await listAnnotations(student.actor, "soviet-note");
    expect(made).toEqual(listed.annotations.find((a) => a.id === made.id));
    expect(made.author.name).toBe(student.name);
  });
});

describe("a new reply's card", () => {
  it("is the card the thread then shows, its author named as read with the session or not", async () => {
    const [instructor, student] = [await createUser(), await createUser()];
    const group = await createGroupWith({ instructor, students: [student], current: true });
    const root = await createAnnotation(
      student.actor,
      annotationInput(edition, "ucieczce rządu", { groupId: group.id, visibility: "group" }),
    );
    const first = await replyToAnnotation(instructor.actor, root.id, { body: bodyFromPlainText("First") });
    // As a request's actor comes: with the name read with their session.
    const named = { ...instructor.actor!, name: instructor.name };
    const second = await replyToAnnotation(named, root.id, { body: bodyFromPlainText("Second") });
    const thread = (await listAnnotations(instructor.actor, "soviet-note")).annotations.find(
      (a) => a.id === root.id,
    )!;
    expect(thread.replies).toEqual([first, second]);
    expect(second.author.name).toBe(instructor.name);
  });
});

describe("refused requests write nothing", () => {
  let student: TestUser;
  let group: TestGroup;
  beforeAll(async () => {
    student = await createUser();
    const instructor = await createUser();
    group = await createGroupWith({ instructor, students: [student] });
  });

  const cases: [string, () => unknown, string][] = [
    [
      "a quote that is not at the stated position",
      () => {
        const input = annotationInput(edition, "Potiomkina", { groupId: group.id, visibility: "group" });
        return {
          ...input,
          selectors: { ...input.selectors, quote: { ...input.selectors.quote, exact: "Mołotowa" } },
        };
      },
      "INVALID selectorMismatch",
    ],
    [
      "a position past the end of the text",
      () => {
        const input = annotationInput(edition, "Potiomkina", { groupId: group.id });
        const position = {
          type: "TextPositionSelector",
          start: edition.text.length,
          end: edition.text.length + 5,
        };
        return { ...input, selectors: { ...input.selectors, position } };
      },
      "INVALID selectorOutOfRange",
    ],
    [
      "a body of 20,001 characters",
      () => annotationInput(edition, "Potiomkina", { groupId: group.id, body: "x".repeat(20_001) }),
      "INVALID bodyTooLong",
    ],
    [
      "an unknown group",
      () =>
        annotationInput(edition, "Potiomkina", { groupId: "cl0000000000000000000000", visibility: "group" }),
      "INVALID groupNotFound",
    ],
    [
      "a group id that is no id at all",
      () => annotationInput(edition, "Potiomkina", { groupId: "'; DROP TABLE x; --", visibility: "group" }),
      "INVALID groupNotFound",
    ],
    [
      "an edition the source does not have",
      () => ({ ...annotationInput(edition, "Potiomkina", { groupId: group.id }), editionNumber: 99 }),
      "INVALID editionNotFound",
    ],
    [
      "an unknown source",
      () => ({ ...annotationInput(edition, "Potiomkina", { groupId: group.id }), source: "nowhere" }),
      "INVALID sourceNotFound",
    ],
    [
      "a shared note outside any group",
      () => annotationInput(edition, "Potiomkina", { groupId: null, visibility: "group" }),
      "INVALID visibilityNeedsGroup",
    ],
    [
      "a comment without text",
      () => annotationInput(edition, "Potiomkina", { groupId: group.id, body: bodyFromPlainText("   ") }),
      "INVALID bodyRequired",
    ],
    [
      "a highlight with text",
      () => annotationInput(edition, "Potiomkina", { groupId: group.id, kind: "highlight", body: "text" }),
      "INVALID highlightTakesNoBody",
    ],
    [
      "eleven tags",
      () => annotationInput(edition, "Potiomkina", { groupId: group.id, tags: "abcdefghijk".split("") }),
      "INVALID tooManyTags",
    ],
    [
      "a 41-character tag",
      () => annotationInput(edition, "Potiomkina", { groupId: group.id, tags: ["t".repeat(41)] }),
      "INVALID tagTooLong",
    ],
    [
      "an unknown kind",
      () => ({ ...annotationInput(edition, "Potiomkina", { groupId: group.id }), kind: "essay" }),
      "INVALID kindInvalid",
    ],
    ["not an object", () => "annotate this", "INVALID invalidRequest"],
  ];

  it.each(cases)("%s", async (_name, input, expected) => {
    const before = await annotationCount();
    expect(label(await outcome(() => createAnnotation(student.actor, input())))).toBe(expected);
    expect(await annotationCount()).toBe(before);
  });

  it("an outsider cannot annotate in the group, anonymous readers not at all", async () => {
    const outsider = await createUser();
    const input = annotationInput(edition, "Potiomkina", { groupId: group.id, visibility: "group" });
    expect(label(await outcome(() => createAnnotation(outsider.actor, input)))).toBe("INVALID groupNotFound");
    expect(label(await outcome(() => createAnnotation(null, input)))).toBe("UNAUTHENTICATED signInRequired");
  });
});

describe("stored XSS", () => {
  it("hostile bodies, links and tags reach other readers neutralised", async () => {
    const [instructor, student] = await Promise.all([createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [student] });
    const hostileBody = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          attrs: { onclick: "alert(1)", style: "background:url(javascript:alert(1))" },
          content: [
            { type: "text", text: "<script>alert(1)</script><img src=x onerror=alert(1)>" },
            {
              type: "text",
              text: "a link",
              marks: [
                {
                  type: "link",
                  attrs: {
                    href: 'https://example.org/"onmouseover="alert(1)',
                    target: "_blank",
                    rel: "opener",
                  },
                },
              ],
            },
          ],
        },
      ],
    };
    const saved = await createAnnotation(
      student.actor,
      annotationInput(edition, "Potiomkina", {
        groupId: group.id,
        visibility: "group",
        body: hostileBody,
        tags: ["<script>alert(1)</script>"],
      }),
    );
    const list = await listAnnotations(instructor.actor, "soviet-note", group.id);
    const seenByInstructor = list.annotations.find((a) => a.id === saved.id)!;
    const html = seenByInstructor.bodyHtml;
    // Every element and attribute in the HTML is one the editor makes; the rest arrived as text.
    const tags = [...html.matchAll(/<([a-z0-9]+)((?:\s[^>]*)?)>/giu)];
    expect(tags.map((m) => m[1])).toEqual(["p", "a"]);
    const attributes = tags.flatMap((m) => [...m[2]!.matchAll(/\s([a-z-]+)=/giu)].map((a) => a[1]));
    expect(attributes).toEqual(["href", "rel"]);
    expect(html).toContain('href="https://example.org/&quot;onmouseover=&quot;alert(1)"');
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain('rel="noopener nofollow ugc"');
    // Tags stay plain text; the reader renders them as text, never as HTML.
    expect(seenByInstructor.tags).toEqual(["<script>alert(1)</script>"]);

    for (const href of [
      "javascript:alert(1)",
      " JaVaScRiPt:alert(1)",
      "data:text/html,<script>alert(1)</script>",
    ]) {
      const body = {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href } }] }],
          },
        ],
      };
      const input = annotationInput(edition, "Potiomkina", { groupId: group.id, body });
      expect(label(await outcome(() => createAnnotation(student.actor, input)))).toBe(
        "INVALID linkNotAllowed",
      );
    }
  });
});

describe("threads: replies, edits, tombstones, hiding", () => {
  let instructor: TestUser, assistant: TestUser, author: TestUser, classmate: TestUser;
  let group: TestGroup;
  beforeAll(async () => {
    [instructor, assistant, author, classmate] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser(),
    ]);
    group = await createGroupWith({ instructor, tas: [assistant], students: [author, classmate] });
  });

  const find = async (user: TestUser, id: string) =>
    (await listAnnotations(user.actor, "soviet-note", group.id)).annotations.find((a) => a.id === id);

  it("an edit keeps the earlier version, marks the annotation edited, and only the author may edit", async () => {
    const made = await createAnnotation(
      author.actor,
      annotationInput(edition, "ochrony mienia", {
        groupId: group.id,
        visibility: "group",
        body: "First thought",
        tags: ["pretext"],
      }),
    );
    expect(made.editedAt).toBeNull();
    expect(label(await outcome(() => updateAnnotation(classmate.actor, made.id, { tags: ["x"] })))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => updateAnnotation(instructor.actor, made.id, { tags: ["x"] })))).toBe(
      "FORBIDDEN notAllowed",
    );
    const edited = await updateAnnotation(author.actor, made.id, {
      body: bodyFromPlainText("Second thought"),
      kind: "question",
      tags: ["pretext", "#Propaganda", "propaganda"],
    });
    expect(edited).toMatchObject({
      kind: "question",
      tags: ["pretext", "Propaganda"],
      bodyHtml: "<p>Second thought</p>",
    });
    expect((edited as AnnotationView).editedAt).not.toBeNull();
    const { revisions } = await listRevisions(classmate.actor, made.id);
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      kind: "comment",
      tags: ["pretext"],
      bodyHtml: "<p>First thought</p>",
    });
  });

  it("replies follow the thread's readers; a deleted annotation with replies stays as a tombstone", async () => {
    const root = await createAnnotation(
      author.actor,
      annotationInput(edition, "Białorusinów", {
        groupId: group.id,
        visibility: "instructors",
        body: "Ask the instructor",
      }),
    );
    expect(
      label(
        await outcome(() => replyToAnnotation(classmate.actor, root.id, { body: bodyFromPlainText("me?") })),
      ),
    ).toBe("NOT_FOUND annotationNotFound");
    await replyToAnnotation(instructor.actor, root.id, {
      body: bodyFromPlainText("Answer from the instructor"),
    });
    // The author reads the instructor's reply in their thread; the classmate sees neither.
    expect((await find(author, root.id))!.replies.map((r) => r.bodyHtml)).toEqual([
      "<p>Answer from the instructor</p>",
    ]);
    expect(await find(classmate, root.id)).toBeUndefined();

    expect(await deleteAnnotation(author.actor, root.id)).toEqual({ deleted: "tombstone" });
    const tombstone = (await find(instructor, root.id))!;
    expect(tombstone).toMatchObject({ deleted: true, bodyHtml: "", tags: [], body: null });
    expect(tombstone.replies).toHaveLength(1);
    expect(tombstone.can).toEqual({ edit: false, delete: false, reply: false, moderate: false });
    expect(label(await outcome(() => listRevisions(instructor.actor, root.id)))).toBe("ok");
    expect((await listRevisions(author.actor, root.id)).revisions).toEqual([]);

    // Deleting the last reply removes the tombstone as well.
    await deleteAnnotation(instructor.actor, tombstone.replies[0]!.id);
    expect(await testDatabase().prisma.annotation.findUnique({ where: { id: root.id } })).toBeNull();
  });

  it("the index's version changes with every edit, reply and hiding, and its summary follows", async () => {
    const watched = await createAnnotation(
      author.actor,
      annotationInput(edition, "Wacławowi Grzybowskiemu", { groupId: group.id, visibility: "group" }),
    );
    const index = () => listAnnotationIndex(author.actor, "soviet-note", group.id);
    const summary = async () => (await index()).annotations.find((a) => a.id === watched.id)!;
    const steps: [string, () => Promise<unknown>, Partial<AnnotationSummary>][] = [
      [
        "an edit",
        () => updateAnnotation(author.actor, watched.id, { tags: ["edited"] }),
        { tags: ["edited"] },
      ],
      [
        "a reply",
        () => replyToAnnotation(classmate.actor, watched.id, { body: bodyFromPlainText("Why?") }),
        { tags: ["edited"] },
      ],
      [
        "hiding",
        () => hideAnnotation(assistant.actor, watched.id, { reason: "Off topic" }),
        { hidden: true },
      ],
      ["unhiding", () => unhideAnnotation(assistant.actor, watched.id), { hidden: false }],
    ];
    // The version is the tag the live connection sends and a poll is answered 304 with: a reader
    // given a version other than the tag would be sent to fetch the same index again.
    const tag = () => annotationListTag(author.actor, "soviet-note", group.id, "index");
    let before = (await index()).version;
    expect((await index()).version).toBe(before);
    expect(await tag()).toBe(before);
    for (const [, step, expected] of steps) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await step();
      const after = (await index()).version;
      expect(after).not.toBe(before);
      expect(await tag()).toBe(after);
      expect(await summary()).toMatchObject(expected);
      before = after;
    }
  });

  it("an annotation without replies is removed with its history", async () => {
    const made = await createAnnotation(
      author.actor,
      annotationInput(edition, "uwalnianiu ludu", { groupId: group.id }),
    );
    await updateAnnotation(author.actor, made.id, { body: bodyFromPlainText("changed") });
    expect(await deleteAnnotation(author.actor, made.id)).toEqual({ deleted: "removed" });
    expect(await testDatabase().prisma.annotationRevision.count({ where: { annotationId: made.id } })).toBe(
      0,
    );
  });

  it("moderators hide with a reason; students cannot; the author and moderators still see it", async () => {
    const made = await createAnnotation(
      classmate.actor,
      annotationInput(edition, "nieobowiązujące", {
        groupId: group.id,
        visibility: "group",
        body: "Rude remark",
      }),
    );
    expect(label(await outcome(() => hideAnnotation(author.actor, made.id, { reason: "no" })))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => hideAnnotation(assistant.actor, made.id, { reason: "  " })))).toBe(
      "INVALID hideReasonRequired",
    );
    await hideAnnotation(assistant.actor, made.id, { reason: "Please keep it civil" });
    expect(await find(author, made.id)).toBeUndefined();
    expect((await find(classmate, made.id))!.hidden!.reason).toBe("Please keep it civil");
    expect((await find(instructor, made.id))!.can.moderate).toBe(true);
    await unhideAnnotation(instructor.actor, made.id);
    expect((await find(author, made.id))!.hidden).toBeNull();
  });

  it("a hidden reply disappears for the group but not for its author or moderators", async () => {
    const root = await createAnnotation(
      author.actor,
      annotationInput(edition, "zawarte z nieistniejącym", { groupId: group.id, visibility: "group" }),
    );
    const reply = await replyToAnnotation(classmate.actor, root.id, {
      body: bodyFromPlainText("Off-topic reply"),
    });
    await hideAnnotation(instructor.actor, reply.id, { reason: "Off topic" });
    expect((await find(author, root.id))!.replies).toEqual([]);
    expect((await find(classmate, root.id))!.replies[0]!.hidden!.reason).toBe("Off topic");
    expect((await find(assistant, root.id))!.replies).toHaveLength(1);
  });
});

describe("annotations made on an older edition", () => {
  it("are placed in the new text when the quote is still there, and listed as orphans when not", async () => {
    const prisma = testDatabase().prisma;
    const student = await createUser();
    const kept = await createAnnotation(student.actor, annotationInput(edition, "Władimira Potiomkina"));
    const lost = await createAnnotation(student.actor, annotationInput(edition, "Wacławowi Grzybowskiemu"));
    // A new edition in which a sentence was added before, and one name changed.
    const source = await prisma.source.findUniqueOrThrow({
      where: { slug: "soviet-note" },
      select: { id: true },
    });
    const text = `Nowe zdanie na początku. ${edition.text.replace("Wacławowi Grzybowskiemu", "ambasadorowi")}`;
    await prisma.edition.create({
      data: {
        sourceId: source.id,
        number: edition.number + 1,
        contentHash: "test",
        text,
        passages: {
          create: [
            { number: 1, start: 0, end: 24 },
            { number: 2, start: 25, end: text.length },
          ],
        },
      },
    });
    try {
      const list = await listAnnotations(student.actor, "soviet-note", "none");
      expect(list.source.editionNumber).toBe(edition.number + 1);
      const keptView = list.annotations.find((a) => a.id === kept.id)!;
      const start = text.indexOf("Władimira Potiomkina");
      expect(keptView.anchor).toEqual({
        status: "anchored",
        start,
        end: start + 20,
        firstSentence: 2,
        lastSentence: 2,
      });
      expect(keptView.editionNumber).toBe(edition.number);
      const lostView = list.annotations.at(-1)!;
      expect(lostView.id).toBe(lost.id);
      expect(lostView.anchor).toEqual({ status: "orphan" });
      expect(lostView.quote.exact).toBe("Wacławowi Grzybowskiemu");
    } finally {
      await prisma.edition.deleteMany({ where: { sourceId: source.id, number: edition.number + 1 } });
    }
  });
});

describe("the list's tag (ETag for readers polling for new work)", () => {
  it("stays while nothing changes and changes with every change a reader could see", async () => {
    const [instructor, student, outsider] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [student] });
    const tag = () => annotationListTag(instructor.actor, "soviet-note", group.id);
    const first = await tag();
    expect(await tag()).toBe(first);

    const made = await createAnnotation(
      student.actor,
      annotationInput(edition, "ochrony mienia", { groupId: group.id, visibility: "group" }),
    );
    const afterCreate = await tag();
    expect(afterCreate).not.toBe(first);
    await hideAnnotation(instructor.actor, made.id, { reason: "test" });
    const afterHide = await tag();
    expect(afterHide).not.toBe(afterCreate);
    await deleteAnnotation(student.actor, made.id);
    expect(await tag()).not.toBe(afterHide);
    // Each reader has their own tag, and outsiders get none.
    expect(await annotationListTag(student.actor, "soviet-note", group.id)).not.toBe(await tag());
    expect(label(await outcome(() => annotationListTag(outsider.actor, "soviet-note", group.id)))).toBe(
      "NOT_FOUND groupNotFound",
    );
  });

  it("does not change with what the reader may not read, not even when it happened", async () => {
    const [instructor, author, classmate] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [author, classmate] });
    /** The reader's tags for the list and for the index. */
    const tagsOf = (user: TestUser) =>
      Promise.all(
        (["list", "index"] as const).map((kind) =>
          annotationListTag(user.actor, "soviet-note", group.id, kind),
        ),
      );
    const instructorTags = () => tagsOf(instructor);
    const authorTags = () => tagsOf(author);
    const classmateTags = () => tagsOf(classmate);
    const shared = await createAnnotation(
      author.actor,
      annotationInput(edition, "ochrony mienia", { groupId: group.id, visibility: "group" }),
    );
    const before = { instructor: await instructorTags(), classmate: await classmateTags() };

    // The author's private note, edited, replied to by its author, then deleted: nobody else's tag moves.
    const privateNote = await createAnnotation(
      author.actor,
      annotationInput(edition, "wszystkie układy z Polską", { groupId: group.id, visibility: "private" }),
    );
    await updateAnnotation(author.actor, privateNote.id, { body: bodyFromPlainText("still private") });
    await replyToAnnotation(author.actor, privateNote.id, { body: bodyFromPlainText("to myself") });
    // A note for the instructors: the classmate's tag stays, the instructor's moves.
    const forStaff = await createAnnotation(
      author.actor,
      annotationInput(edition, "nocie dyplomatycznej", { groupId: group.id, visibility: "instructors" }),
    );
    expect(await classmateTags()).toEqual(before.classmate);
    const instructorAfter = await instructorTags();
    expect(instructorAfter[0]).not.toBe(before.instructor[0]);
    expect(instructorAfter[1]).not.toBe(before.instructor[1]);

    // Hidden: the classmate's tag moves once (it is gone for them), then stays while its author edits it.
    await hideAnnotation(instructor.actor, shared.id, { reason: "Off topic" });
    const classmateAfterHide = await classmateTags();
    expect(classmateAfterHide).not.toEqual(before.classmate);
    const authorBeforeEdit = await authorTags();
    const instructorBeforeEdit = await instructorTags();
    await updateAnnotation(author.actor, shared.id, { body: bodyFromPlainText("edited while hidden") });
    expect(await classmateTags()).toEqual(classmateAfterHide);
    expect(await authorTags()).not.toEqual(authorBeforeEdit);
    expect(await instructorTags()).not.toEqual(instructorBeforeEdit);

    // Deleting the instructors' note: the classmate's tag still stays.
    await deleteAnnotation(author.actor, forStaff.id);
    expect(await classmateTags()).toEqual(classmateAfterHide);
  });
});

describe("the index's version and the list's tag follow the reader's role", () => {
  it("change with it, even where the new role reads the same threads, so no fetch is answered 304", async () => {
    const [instructor, assistant, author] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [assistant, author] });
    const forStaff = await createAnnotation(
      author.actor,
      annotationInput(edition, "nocie dyplomatycznej", { groupId: group.id, visibility: "instructors" }),
    );
    const tags = () =>
      Promise.all(
        (["list", "index"] as const).map((kind) =>
          annotationListTag(assistant.actor, "soviet-note", group.id, kind),
        ),
      );
    const index = async (ifNoneMatch: string | null) => {
      const { tag, json } = await annotationIndexJsonUnlessUnchanged(
        assistant.actor,
        "soviet-note",
        group.id,
        ifNoneMatch,
      );
      return {
        tag,
        ids: json && unpackIndex(JSON.parse(json) as PackedAnnotationIndex).annotations.map((a) => a.id),
      };
    };
    const asStudent = await tags();
    const studentIndex = await index(null);
    expect(studentIndex.ids).toEqual([]);

    await changeRole(instructor.actor, group.id, assistant.id, "TEACHING_ASSISTANT");
    const asAssistant = await tags();
    expect(asAssistant[0]).not.toBe(asStudent[0]);
    expect(asAssistant[1]).not.toBe(asStudent[1]);
    const assistantIndex = await index(studentIndex.tag);
    expect(assistantIndex.ids).toEqual([forStaff.id]);

    // An instructor reads the same threads as a teaching assistant, and may do more with them.
    await changeRole(instructor.actor, group.id, assistant.id, "INSTRUCTOR");
    const asInstructor = await tags();
    expect(asInstructor[0]).not.toBe(asAssistant[0]);
    expect(asInstructor[1]).not.toBe(asAssistant[1]);
    expect((await index(assistantIndex.tag)).ids).toEqual([forStaff.id]);

    await changeRole(instructor.actor, group.id, assistant.id, "STUDENT");
    expect(await tags()).toEqual(asStudent);
    expect((await index(asInstructor[1]!)).ids).toEqual([]);
  });
});

describe("audiences: replies and revisions never reach more readers than when written", () => {
  let instructor: TestUser, assistant: TestUser, author: TestUser, classmate: TestUser;
  let group: TestGroup;
  beforeAll(async () => {
    [instructor, assistant, author, classmate] = await Promise.all([
      createUser(),
      createUser(),
      createUser(),
      createUser(),
    ]);
    group = await createGroupWith({ instructor, tas: [assistant], students: [author, classmate] });
  });

  const thread = async (user: TestUser, id: string) =>
    (await listAnnotations(user.actor, "soviet-note", group.id)).annotations.find((a) => a.id === id);
  const replyTexts = async (user: TestUser, id: string) =>
    (await thread(user, id))?.replies.map((r) => r.bodyHtml) ?? null;
  const question = (quote: string, visibility: "private" | "instructors" | "group", body: string) =>
    createAnnotation(
      author.actor,
      annotationInput(edition, quote, { groupId: group.id, visibility, body, kind: "question" }),
    );

  it("widening a thread keeps the instructor's confidential reply to those it was written for", async () => {
    const root = await question("Białorusinów", "instructors", "Just between us");
    const answer = await replyToAnnotation(instructor.actor, root.id, {
      body: bodyFromPlainText("Confidential answer"),
    });
    const tagBefore = await annotationListTag(classmate.actor, "soviet-note", group.id);
    await updateAnnotation(author.actor, root.id, { visibility: "group" });

    // The classmate now reads the question, but not the answer written for the instructors.
    expect(await replyTexts(classmate, root.id)).toEqual([]);
    expect(label(await outcome(() => listRevisions(classmate.actor, answer.id)))).toBe(
      "NOT_FOUND annotationNotFound",
    );
    for (const reader of [author, instructor, assistant]) {
      expect(await replyTexts(reader, root.id)).toEqual(["<p>Confidential answer</p>"]);
    }
    // A classmate's reply written after widening is read by the group.
    await replyToAnnotation(classmate.actor, root.id, { body: bodyFromPlainText("Now I can see it") });
    expect(await replyTexts(classmate, root.id)).toEqual(["<p>Now I can see it</p>"]);
    expect(await annotationListTag(classmate.actor, "soviet-note", group.id)).not.toBe(tagBefore);
  });

  it("narrowing a thread to only me leaves the instructor her own reply, and nothing else", async () => {
    const root = await question("nocie dyplomatycznej", "instructors", "Please check");
    await replyToAnnotation(instructor.actor, root.id, { body: bodyFromPlainText("Checked") });
    await updateAnnotation(author.actor, root.id, {
      visibility: "private",
      body: bodyFromPlainText("Now a private draft"),
    });

    const hers = (await thread(instructor, root.id))!;
    expect(hers.withheld).toBe(true);
    expect(hers).toMatchObject({ bodyHtml: "", body: null, tags: [], author: { id: "", name: "" } });
    expect(hers.replies.map((r) => r.bodyHtml)).toEqual(["<p>Checked</p>"]);
    expect(hers.can).toEqual({ edit: false, delete: false, reply: false, moderate: false });
    // The assistant, who wrote nothing there, no longer sees the thread at all.
    expect(await thread(assistant, root.id)).toBeUndefined();
    expect(label(await outcome(() => listRevisions(instructor.actor, root.id)))).toBe(
      "NOT_FOUND annotationNotFound",
    );
    // Its summary in the index names neither the author nor the kind of the withheld note.
    const index = await listAnnotationIndex(instructor.actor, "soviet-note", group.id);
    const summary = index.annotations.find((a) => a.id === root.id)!;
    expect(summary).toMatchObject({ authorId: "", kind: "comment", tags: [], mine: false });
    expect(hers.kind).toBe("comment");
    // The author still reads the thread whole.
    expect(await replyTexts(author, root.id)).toEqual(["<p>Checked</p>"]);
  });

  it("an earlier private version (body, tags) stays private when the author shares the note", async () => {
    const root = await createAnnotation(
      author.actor,
      annotationInput(edition, "ochrony mienia", {
        groupId: group.id,
        visibility: "private",
        body: "My secret draft",
        tags: ["secret-tag"],
      }),
    );
    await updateAnnotation(author.actor, root.id, {
      visibility: "group",
      body: bodyFromPlainText("Shared version"),
      tags: ["shared"],
    });
    for (const reader of [classmate, instructor, assistant]) {
      expect((await listRevisions(reader.actor, root.id)).revisions).toEqual([]);
    }
    expect((await listRevisions(author.actor, root.id)).revisions.map((r) => r.bodyHtml)).toEqual([
      "<p>My secret draft</p>",
    ]);
    // A version written for the group is read by the group once it is replaced.
    await updateAnnotation(author.actor, root.id, { body: bodyFromPlainText("Third version") });
    const theirs = (await listRevisions(classmate.actor, root.id)).revisions;
    expect(theirs.map((r) => r.bodyHtml)).toEqual(["<p>Shared version</p>"]);
    expect(JSON.stringify(theirs)).not.toContain("secret");
  });

  it("a version written for the instructors is not read by students after the note is shared", async () => {
    const root = await question("Władimira Potiomkina", "instructors", "For the staff only");
    await updateAnnotation(author.actor, root.id, {
      visibility: "group",
      body: bodyFromPlainText("For all"),
    });
    expect((await listRevisions(classmate.actor, root.id)).revisions).toEqual([]);
    expect((await listRevisions(assistant.actor, root.id)).revisions.map((r) => r.bodyHtml)).toEqual([
      "<p>For the staff only</p>",
    ]);
  });

  it("a reply edited while its thread is narrower is kept to the narrower audience", async () => {
    const root = await question("rozpadzie państwa", "group", "Open question");
    const reply = await replyToAnnotation(classmate.actor, root.id, { body: bodyFromPlainText("First") });
    await updateAnnotation(author.actor, root.id, { visibility: "instructors" });
    await updateAnnotation(classmate.actor, reply.id, { body: bodyFromPlainText("Said while narrowed") });
    await updateAnnotation(author.actor, root.id, { visibility: "group" });
    // The new text was written while only the instructors (and the two students) read the thread:
    // a student who joins later and reads the shared thread does not read it.
    const other = await createUser();
    await testDatabase().prisma.membership.create({
      data: { groupId: group.id, userId: other.id, role: "STUDENT" },
    });
    expect(await replyTexts(other, root.id)).toEqual([]);
    expect(await replyTexts(author, root.id)).toEqual(["<p>Said while narrowed</p>"]);
    expect(await replyTexts(classmate, root.id)).toEqual(["<p>Said while narrowed</p>"]);
  });
});

describe("removed members: writes end at once, their own work stays theirs (read-only)", () => {
  let instructor: TestUser, student: TestUser, classmate: TestUser;
  let group: TestGroup;
  let own: AnnotationView, classmates: AnnotationView, ownReply: { id: string };
  beforeAll(async () => {
    [instructor, student, classmate] = await Promise.all([createUser(), createUser(), createUser()]);
    group = await createGroupWith({ instructor, students: [student, classmate], current: true });
    own = await createAnnotation(
      student.actor,
      annotationInput(edition, "ucieczce rządu", { groupId: group.id, visibility: "group", body: "Mine" }),
    );
    classmates = await createAnnotation(
      classmate.actor,
      annotationInput(edition, "Wacławowi Grzybowskiemu", {
        groupId: group.id,
        visibility: "group",
        body: "Theirs",
      }),
    );
    ownReply = await replyToAnnotation(student.actor, classmates.id, { body: bodyFromPlainText("My reply") });
    await removeMember(instructor.actor, group.id, student.id);
  });

  it("can no longer edit, delete, reply or hide anything in the group", async () => {
    const body = bodyFromPlainText("Edited after removal");
    expect(label(await outcome(() => updateAnnotation(student.actor, own.id, { body })))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => updateAnnotation(student.actor, ownReply.id, { body })))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => deleteAnnotation(student.actor, own.id)))).toBe("FORBIDDEN notAllowed");
    expect(label(await outcome(() => deleteAnnotation(student.actor, ownReply.id)))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => replyToAnnotation(student.actor, own.id, { body })))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => hideAnnotation(student.actor, own.id, { reason: "gone" })))).toBe(
      "FORBIDDEN notAllowed",
    );
    // Nothing changed for the group.
    const theirs = await listAnnotations(classmate.actor, "soviet-note", group.id);
    expect(theirs.annotations.find((a) => a.id === own.id)!.bodyHtml).toBe("<p>Mine</p>");
    expect(theirs.annotations.find((a) => a.id === classmates.id)!.replies.map((r) => r.bodyHtml)).toEqual([
      "<p>My reply</p>",
    ]);
  });

  it("still reads their own notes and replies, read-only and marked as from a group they left", async () => {
    const list = await listAnnotations(student.actor, "soviet-note");
    const mine = list.annotations.find((a) => a.id === own.id)!;
    expect(mine).toMatchObject({ bodyHtml: "<p>Mine</p>", leftGroup: true, withheld: false });
    expect(mine.can).toEqual({ edit: false, delete: false, reply: false, moderate: false });
    // Their reply, in a classmate's thread they no longer read.
    const replied = list.annotations.find((a) => a.id === classmates.id)!;
    expect(replied).toMatchObject({ withheld: true, leftGroup: true, bodyHtml: "" });
    expect(replied.replies.map((r) => [r.bodyHtml, r.can.edit])).toEqual([["<p>My reply</p>", false]]);
    // The index the reader draws from lists both; a single read (history) works for their own.
    const index = await listAnnotationIndex(student.actor, "soviet-note");
    expect(index.annotations.map((a) => a.id).sort()).toEqual([own.id, classmates.id].sort());
    // So do the API's pages.
    const page = await listAnnotationPage(student.actor, "soviet-note", { limit: 1 });
    const next = await listAnnotationPage(student.actor, "soviet-note", {
      limit: 1,
      after: decodePageCursor(page.next!),
    });
    expect([...page.annotations, ...next.annotations].map((a) => a.id).sort()).toEqual(
      [own.id, classmates.id].sort(),
    );
    expect(next.next).toBeNull();
    expect(label(await outcome(() => listRevisions(student.actor, ownReply.id)))).toBe("ok");
    expect(label(await outcome(() => listRevisions(student.actor, classmates.id)))).toBe(
      "NOT_FOUND annotationNotFound",
    );
  });

  it("opens on no group, not the one they left, even where their current group still names it", async () => {
    // Removing a member clears it (lib/groups/remove-member.ts); a stale one must not open the group.
    await testDatabase().prisma.user.update({
      where: { id: student.id },
      data: { currentGroupId: group.id },
    });
    const list = await listAnnotations(student.actor, "soviet-note");
    expect(list.group).toBeNull();
    expect(list.annotations.map((a) => a.id).sort()).toEqual([own.id, classmates.id].sort());
    // A member's list opens on their current group, named.
    expect((await listAnnotations(classmate.actor, "soviet-note")).group).toMatchObject({
      id: group.id,
      role: "STUDENT",
    });
  });

  it("reads nothing of the group written after they left", async () => {
    await replyToAnnotation(classmate.actor, own.id, { body: bodyFromPlainText("A reply after you left") });
    const list = await listAnnotations(student.actor, "soviet-note");
    expect(list.annotations.find((a) => a.id === own.id)!.replies).toEqual([]);
  });
});
