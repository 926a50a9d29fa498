/**
 * The annotation list and its pages against changes committed while they are being read. A reader
 * holds what they were sent under its ETag and is answered 304 while the ETag holds, so a tag must
 * name the rows it came with: a change landing between the read of the state a tag is made from and
 * the read of the rows must not leave rows of one state under the tag of another — when the group
 * comes back to that state (the note made private again, hidden again, deleted), the reader would be
 * told "unchanged" while holding something the list no longer shows, for as long as nothing else
 * changes. Staged exactly with tests/support/between-reads.ts, as for the index (index-race.test.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { hideAnnotation, unhideAnnotation } from "@/lib/annotations/hide-annotation";
import { annotationListUnlessUnchanged, listAnnotations } from "@/lib/annotations/list-annotations";
import { annotationPageUnlessUnchanged, listAnnotationPage } from "@/lib/annotations/list-page";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { AnnotationVisibility } from "@/lib/annotations/types";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { beforeNextRowsRead, cardRows, disarm, listRows, replyRows } from "../support/between-reads";
import { createGroupWith, createUser, type TestGroup, type TestUser } from "../support/factories";

const SLUG = "soviet-note";
const QUOTES = [
  "wszystkie układy z Polską",
  "nocie dyplomatycznej",
  "Władimira Potiomkina",
  "Wacławowi Grzybowskiemu",
];

let edition: TestEdition;
beforeAll(async () => {
  edition = await importedEdition(SLUG);
});

type Where = (where: Prisma.AnnotationWhereInput) => boolean;

/**
 * A reader's client for one representation (the whole list, or one page): what it holds, and under
 * which ETag, sent back as If-None-Match; a 304 keeps what it holds, a 200 replaces it.
 */
interface Client {
  user: TestUser;
  tag: string | null;
  held: unknown;
  /** Asks the route's service again, with the tag held. */
  refresh(): Promise<"200" | "304">;
  /** The same request read afresh (no tag, never cached). */
  fresh(): Promise<unknown>;
}

function listClient(user: TestUser, group: TestGroup): Client {
  const client: Client = {
    user,
    tag: null,
    held: null,
    async refresh() {
      const { tag, list } = await annotationListUnlessUnchanged(user.actor, SLUG, group.id, client.tag);
      client.tag = tag;
      if (list === null) return "304";
      client.held = list;
      return "200";
    },
    fresh: () => listAnnotations(user.actor, SLUG, group.id),
  };
  return client;
}

function pageClient(user: TestUser, group: TestGroup, limit: number): Client {
  const client: Client = {
    user,
    tag: null,
    held: null,
    async refresh() {
      const request = { group: group.id, limit };
      const { tag, page } = await annotationPageUnlessUnchanged(user.actor, SLUG, request, client.tag);
      client.tag = tag;
      if (page === null) return "304";
      client.held = page;
      return "200";
    },
    fresh: () => listAnnotationPage(user.actor, SLUG, { group: group.id, limit }),
  };
  return client;
}

/** The client asks again: whatever the answer, it must then hold exactly what a fresh read gives. */
async function expectHeldIsFresh(client: Client, context: string): Promise<"200" | "304"> {
  const answer = await client.refresh();
  expect(client.held, `${client.user.name}'s copy ${context}`).toEqual(await client.fresh());
  return answer;
}

/**
 * A group with two members' notes shared already (so a page of 2 is full and the note each scenario
 * adds comes after it, the row that decides whether there is a next page).
 */
async function seminar() {
  const [instructor, author, classmate] = await Promise.all([
    createUser({ name: "Instructor" }),
    createUser({ name: "Author" }),
    createUser({ name: "Classmate" }),
  ]);
  const group = await createGroupWith({ instructor, students: [author, classmate] });
  const note = (user: TestUser, quote: string, visibility: AnnotationVisibility) =>
    createAnnotation(user.actor, annotationInput(edition, quote, { groupId: group.id, visibility }));
  const first = await note(instructor, QUOTES[0]!, "group");
  await note(classmate, QUOTES[1]!, "group");
  return { instructor, author, classmate, group, note, first };
}

type Seminar = Awaited<ReturnType<typeof seminar>>;
/** Sets a change up; returns the change made during the classmate's read, and the one undoing it. */
type Scenario = (s: Seminar) => Promise<{ during: () => Promise<unknown>; after: () => Promise<unknown> }>;

const scenarios: [string, Where, Scenario][] = [
  [
    "a note shared, then made private again",
    listRows,
    async ({ author, note }) => {
      const made = await note(author, QUOTES[2]!, "private");
      return {
        during: () => updateAnnotation(author.actor, made.id, { visibility: "group" }),
        after: () => updateAnnotation(author.actor, made.id, { visibility: "private" }),
      };
    },
  ],
  [
    "a note shown again, then hidden again",
    listRows,
    async ({ instructor, author, note }) => {
      const made = await note(author, QUOTES[2]!, "group");
      await hideAnnotation(instructor.actor, made.id, { reason: "Off topic" });
      return {
        during: () => unhideAnnotation(instructor.actor, made.id),
        after: () => hideAnnotation(instructor.actor, made.id, { reason: "Off topic" }),
      };
    },
  ],
  [
    "a note made, then deleted",
    listRows,
    async ({ author, note }) => {
      let made: { id: string } | null = null;
      return {
        during: async () => (made = await note(author, QUOTES[2]!, "group")),
        after: () => deleteAnnotation(author.actor, made!.id),
      };
    },
  ],
  [
    "a reply made, then deleted",
    replyRows,
    async ({ author, first }) => {
      let made: { id: string } | null = null;
      return {
        during: async () =>
          (made = await replyToAnnotation(author.actor, first.id, { body: bodyFromPlainText("Why?") })),
        after: () => deleteAnnotation(author.actor, made!.id),
      };
    },
  ],
];

const clients: [string, (s: Seminar) => Client][] = [
  ["the whole list", (s) => listClient(s.classmate, s.group)],
  ["a page of 10", (s) => pageClient(s.classmate, s.group, 10)],
  ["a page of 2 (the note decides whether a next page follows)", (s) => pageClient(s.classmate, s.group, 2)],
];

describe.each(clients)(
  "%s, with a change committed between its tag's state and its rows",
  (_name, clientOf) => {
    it.each(scenarios)(
      "%s: no stale copy is ever confirmed with a 304",
      async (_scenario, when, scenario) => {
        const s = await seminar();
        const { during, after } = await scenario(s);
        const classmate = clientOf(s);
        const fired = beforeNextRowsRead(when, during);
        expect(await classmate.refresh()).toBe("200");
        expect(fired()).toBe(true);
        // Sent back at once (by a second tab holding the same copy), its tag names what it came with:
        // confirmed, and what the list shows.
        const secondTab = Object.assign(clientOf(s), { tag: classmate.tag, held: classmate.held });
        expect(await expectHeldIsFresh(secondTab, "right after the racing read")).toBe("304");

        // The group is back in the state the classmate's read began in.
        await after();
        await expectHeldIsFresh(classmate, "after the change was undone");
        await expectHeldIsFresh(clientOf(s), "read anew");
      },
    );
  },
);

/**
 * A page reads only some of the list's rows, so it is sent under the tag of the state read before
 * them, if that state still holds after them (list-page.ts). Two changes during one read, the second
 * undoing the first, leave the state as it was: what the page read must tell.
 */
describe("a page read while the list leaves a state and comes back to it", () => {
  /** After a page's cards: the caller's own bodies, read by id alone (list-annotations.ts). */
  const bodies: Where = (where) =>
    Object.keys(where).length === 1 && JSON.stringify(where).startsWith('{"id":{"in":');

  it("a note shared before its keyset and made private again before its cards: not confirmed with a 304", async () => {
    const s = await seminar();
    const made = await s.note(s.author, QUOTES[2]!, "private");
    // A page of 2: the note comes third, so whether a next page follows is what it changes.
    const classmate = pageClient(s.classmate, s.group, 2);
    let undone = (): boolean => false;
    const fired = beforeNextRowsRead(listRows, async () => {
      await updateAnnotation(s.author.actor, made.id, { visibility: "group" });
      undone = beforeNextRowsRead(cardRows, () =>
        updateAnnotation(s.author.actor, made.id, { visibility: "private" }),
      );
    });
    await classmate.refresh();
    expect(fired()).toBe(true);
    expect(undone()).toBe(true);
    await expectHeldIsFresh(classmate, "after the change was undone during the read");
  });

  it("a note shared before its keyset is read and made private again after its card was: not confirmed with a 304", async () => {
    const s = await seminar();
    const made = await s.note(s.author, QUOTES[2]!, "private");
    const classmate = pageClient(s.classmate, s.group, 10);
    let undone = (): boolean => false;
    // Shared before the keyset is read: its card is read too, and its body after that.
    const fired = beforeNextRowsRead(listRows, async () => {
      await updateAnnotation(s.author.actor, made.id, { visibility: "group" });
      undone = beforeNextRowsRead(bodies, () =>
        updateAnnotation(s.author.actor, made.id, { visibility: "private" }),
      );
    });
    await classmate.refresh();
    expect(fired()).toBe(true);
    expect(undone()).toBe(true);
    await expectHeldIsFresh(classmate, "after the change was undone during the read");
  });

  it("while changes keep landing during its reads, it is sent under a tag no later request confirms", async () => {
    const s = await seminar();
    const classmate = pageClient(s.classmate, s.group, 10);
    let changes = 0;
    const changeDuringEveryRead = (): void => {
      beforeNextRowsRead(cardRows, async () => {
        changes++;
        await s.note(s.author, QUOTES[2]!, "group");
        changeDuringEveryRead();
      });
    };
    changeDuringEveryRead();
    try {
      expect(await classmate.refresh()).toBe("200");
    } finally {
      disarm();
    }
    expect(changes).toBeGreaterThan(1);
    // Nothing changes any more, yet the page is read again, and only then confirmed.
    expect(await expectHeldIsFresh(classmate, "after the changes")).toBe("200");
    expect(await expectHeldIsFresh(classmate, "once settled")).toBe("304");
  });
});

describe("a tag that still holds", () => {
  it.each(clients)("%s: answered 304 without reading a row", async (_name, clientOf) => {
    const s = await seminar();
    const classmate = clientOf(s);
    expect(await classmate.refresh()).toBe("200");
    const read = beforeNextRowsRead(
      (where) => listRows(where) || replyRows(where),
      async () => {},
    );
    expect(await classmate.refresh()).toBe("304");
    expect(read()).toBe(false);
    disarm();
  });
});
