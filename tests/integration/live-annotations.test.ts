/**
 * Following annotations live (GET /api/annotations/live, server-sent events): the reader gets their
 * index's version at once and a new one when a change gives them one — and nothing for a change they
 * may not read; outsiders and bad requests are refused; changes made on another app instance arrive
 * through PostgreSQL.
 */
import pg from "pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GET as live } from "@/app/api/annotations/live/route";
import type { Actor } from "@/lib/auth/policy";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { annotationListTag } from "@/lib/annotations/annotation-tags";
import {
  annotationIndexJsonUnlessUnchanged,
  listAnnotationIndex,
} from "@/lib/annotations/list-annotation-index";
import { watchFigures } from "@/lib/annotations/watch-annotations";
import { changeRole } from "@/lib/groups/change-role";
import { removeMember } from "@/lib/groups/remove-member";
import { annotationInput, importedEdition } from "../support/annotation-factories";
import { createGroupWith, createUser, type TestUser } from "../support/factories";
import { threadsShown } from "../support/index-shown";
import { testDatabase } from "../support/test-database";
import { readLiveEvents } from "../support/live-events";
import { applySharedChanges } from "@/lib/annotations/index/apply-delta";
import {
  unpackIndex,
  unpackThreads,
  type PackedAnnotationIndex,
  type SharedChanges,
} from "@/lib/annotations/index/wire";
import type { AnnotationIndexView } from "@/lib/annotations/types";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";

// The session is the one thing not run for real (route handlers outside Next have no request scope).
const session = vi.hoisted(() => ({ actor: null as Actor }));
vi.mock("@/lib/auth/get-current-user", () => ({ getActor: () => Promise.resolve(session.actor) }));

// A tab's opening can be held after it has worked out its version (a change is told meanwhile).
const opening = vi.hoisted(() => ({ held: null as Promise<void> | null, reached: () => {} }));
vi.mock("@/lib/annotations/annotation-tags", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/annotations/annotation-tags")>();
  return {
    ...original,
    stateOf: async (...args: Parameters<typeof original.stateOf>) => {
      const state = await original.stateOf(...args);
      const held = opening.held;
      if (held) {
        opening.reached();
        await held;
      }
      return state;
    },
  };
});

beforeEach(() => {
  session.actor = null;
  opening.held = null;
});

/** How long to wait for an event that must come, and for one that must not. */
const SOON_MS = 5_000;
const QUIET_MS = 800;

interface LiveEvent {
  source: string;
  version: string;
}

/** Opens the live route as `user` and reads its events as they come. */
async function follow(user: TestUser | null, sources: string) {
  session.actor = user?.actor ?? null;
  const abort = new AbortController();
  const response = await live(
    new Request(`https://glossa.example/api/annotations/live?sources=${sources}`, { signal: abort.signal }),
  );
  const events: LiveEvent[] = [];
  /** Each presence event's names, in order. */
  const presence: string[][] = [];
  /** The changes sent with versions (`changes` events), in order. */
  const changes: (SharedChanges & { source: string })[] = [];
  let ended = false;
  const reading = (async () => {
    if (!response.body || !response.headers.get("content-type")?.startsWith("text/event-stream")) return;
    await readLiveEvents(
      response.body,
      (data) => events.push(data as LiveEvent),
      (data) => presence.push(data.people.map((person) => person.name)),
      (data) => changes.push(data),
    );
    ended = true;
  })();
  /** Resolves when `count` events have come (or fails after SOON_MS). */
  const eventsUntil = async (count: number) => {
    const deadline = Date.now() + SOON_MS;
    while (events.length < count && Date.now() < deadline) await pause(20);
    return [...events];
  };
  const endsSoon = async () => {
    const deadline = Date.now() + SOON_MS;
    while (!ended && Date.now() < deadline) await pause(20);
    return ended;
  };
  const stop = async () => {
    abort.abort();
    await reading.catch(() => {});
  };
  /** Resolves with the names of the last presence event once it is `names` (or fails after SOON_MS). */
  const presenceUntil = async (names: string[]) => {
    const deadline = Date.now() + SOON_MS;
    while (JSON.stringify(presence.at(-1)) !== JSON.stringify(names) && Date.now() < deadline) {
      await pause(20);
    }
    return presence.at(-1);
  };
  return { response, events, presence, changes, eventsUntil, presenceUntil, endsSoon, stop };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const indexVersion = (user: TestUser) => annotationListTag(user.actor, "soviet-note", undefined, "index");

describe("following a source's annotations live", () => {
  it("sends the reader's version at once, a new one for a change they see, none for one they may not", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, author, classmate] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [author, classmate], current: true });
    const watching = await follow(classmate, "soviet-note");
    try {
      expect(watching.response.status).toBe(200);
      expect(watching.response.headers.get("content-type")).toMatch(/^text\/event-stream/u);
      expect(watching.response.headers.get("cache-control")).toContain("no-transform");
      expect(await watching.eventsUntil(1)).toEqual([
        { source: "soviet-note", version: await indexVersion(classmate) },
      ]);

      // The author's private note: nothing reaches the classmate, not even that something happened.
      await createAnnotation(
        author.actor,
        annotationInput(edition, "wszystkie układy z Polską", { groupId: group.id, visibility: "private" }),
      );
      await pause(QUIET_MS);
      expect(watching.events).toHaveLength(1);

      // A note for the whole group: the classmate's index has a new version, and it is sent.
      await createAnnotation(
        author.actor,
        annotationInput(edition, "Władimira Potiomkina", { groupId: group.id, visibility: "group" }),
      );
      const events = await watching.eventsUntil(2);
      expect(events).toHaveLength(2);
      expect(events[1]).toEqual({ source: "soviet-note", version: await indexVersion(classmate) });
      expect(events[1]!.version).not.toBe(events[0]!.version);
    } finally {
      await watching.stop();
    }
    expect(await watching.endsSoon()).toBe(true);
  });

  it("tells a reader who left the group once, then nothing more of the group's work", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, author, leaver] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [author, leaver], current: true });
    const watching = await follow(leaver, "soviet-note");
    const shared = (quote: string) =>
      createAnnotation(
        author.actor,
        annotationInput(edition, quote, { groupId: group.id, visibility: "group" }),
      );
    try {
      await watching.eventsUntil(1);
      await testDatabase().prisma.membership.deleteMany({
        where: { groupId: group.id, userId: leaver.actor!.userId },
      });
      await shared("Władimira Potiomkina");
      // Their index is now their personal notes only: one new version, and it is theirs.
      const events = await watching.eventsUntil(2);
      expect(events).toHaveLength(2);
      expect(events[1]!.version).toBe(await indexVersion(leaver));
      await shared("nocie dyplomatycznej");
      await pause(QUIET_MS);
      expect(watching.events).toHaveLength(2);
    } finally {
      await watching.stop();
    }
  });

  it("tells a removed member's reader at once, so their cards turn read-only without a reload", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, removed] = await Promise.all([createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [removed], current: true });
    await createAnnotation(
      removed.actor,
      annotationInput(edition, "Władimira Potiomkina", { groupId: group.id, visibility: "group" }),
    );
    const watching = await follow(removed, "soviet-note");
    try {
      await watching.eventsUntil(1);
      await removeMember(instructor.actor, group.id, removed.id);
      // Nothing else happens in the group: the removal alone gives their reader a new version.
      const events = await watching.eventsUntil(2);
      expect(events).toHaveLength(2);
      expect(events[1]!.version).toBe(await indexVersion(removed));
    } finally {
      await watching.stop();
    }
  });

  it("tells a member whose role changed at once: promoted they read the instructors' notes, demoted no more", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, student] = await Promise.all([createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [student], current: true });
    const forInstructors = await createAnnotation(
      instructor.actor,
      annotationInput(edition, "Władimira Potiomkina", { groupId: group.id, visibility: "instructors" }),
    );
    const readsIt = async () =>
      (await listAnnotationIndex(student.actor, "soviet-note")).annotations.some(
        (a) => a.id === forInstructors.id,
      );
    /** The index route, asked with the version the reader holds: null if it answers 304. */
    const fetched = async (version: string) =>
      (await annotationIndexJsonUnlessUnchanged(student.actor, "soviet-note", undefined, version)).json;
    const watching = await follow(student, "soviet-note");
    try {
      const [asStudent] = await watching.eventsUntil(1);
      expect(await readsIt()).toBe(false);

      // Nothing else happens in the group: the new role alone gives their reader a new version,
      // and the index asked with the old one is sent again, now with the note.
      await changeRole(instructor.actor, group.id, student.id, "TEACHING_ASSISTANT");
      const promoted = await watching.eventsUntil(2);
      expect(promoted).toHaveLength(2);
      expect(promoted[1]!.version).toBe(await indexVersion(student));
      expect(promoted[1]!.version).not.toBe(asStudent!.version);
      expect(await fetched(asStudent!.version)).not.toBeNull();
      expect(await readsIt()).toBe(true);

      await changeRole(instructor.actor, group.id, student.id, "STUDENT");
      const demoted = await watching.eventsUntil(3);
      expect(demoted).toHaveLength(3);
      expect(demoted[2]!.version).toBe(await indexVersion(student));
      expect(await fetched(promoted[1]!.version)).not.toBeNull();
      expect(await readsIt()).toBe(false);
    } finally {
      await watching.stop();
    }
  });

  it("refuses anonymous readers, unknown sources and bad lists, before streaming anything", async () => {
    const reader = await createUser();
    const status = async (user: TestUser | null, sources: string) => {
      const watching = await follow(user, sources);
      await watching.stop();
      const body = watching.response.headers.get("content-type")?.startsWith("application/json")
        ? ((await watching.response.json()) as { error: { message: string } }).error.message
        : null;
      return [watching.response.status, body];
    };
    expect(await status(null, "soviet-note")).toEqual([401, "signInRequired"]);
    expect(await status(reader, "no-such-source")).toEqual([404, "sourceNotFound"]);
    expect(await status(reader, "a,b,c,d")).toEqual([422, "tooManyWatchedSources"]);
    expect(await status(reader, "Soviet%20Note")).toEqual([422, "watchedSourcesInvalid"]);
    expect(await status(reader, "")).toEqual([422, "watchedSourcesInvalid"]);
  });
});

describe("a class following one source", () => {
  it("hears a burst of the class's notes: each reader's last version is their index's, in a few events, each tab too", async () => {
    const edition = await importedEdition("soviet-note");
    const instructor = await createUser();
    const students = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const group = await createGroupWith({ instructor, students, current: true });
    const readers = [instructor, ...students];
    // Every reader one tab; three of them a second one.
    const tabs = [];
    for (const reader of [...readers, ...readers.slice(0, 3)]) tabs.push(await follow(reader, "soviet-note"));
    try {
      await Promise.all(tabs.map((tab) => tab.eventsUntil(1)));
      expect(watchFigures()).toMatchObject({ readers: 11, connections: 14 });
      const quotes = ["Władimira Potiomkina", "nocie dyplomatycznej", "wszystkie układy z Polską"];
      // Fifteen notes at once, by three authors; one of each author's is private.
      await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          createAnnotation(
            students[i % 3]!.actor,
            annotationInput(edition, quotes[i % 3]!, {
              groupId: group.id,
              visibility: i % 5 === 4 ? "private" : "group",
            }),
          ),
        ),
      );
      await pause(QUIET_MS * 2);
      for (const [i, tab] of tabs.entries()) {
        const reader = i < readers.length ? readers[i]! : readers[i - readers.length]!;
        const last = tab.events.at(-1)!;
        expect(last.version).toBe(await indexVersion(reader));
        // Changes are looked at together: a burst is a handful of events, not one per note.
        expect(tab.events.length).toBeGreaterThanOrEqual(2);
        expect(tab.events.length).toBeLessThanOrEqual(6);
        expect(new Set(tab.events.map((event) => event.version)).size).toBe(tab.events.length);
      }
    } finally {
      await Promise.all(tabs.map((tab) => tab.stop()));
    }
    // Closed connections leave nothing behind.
    await pause(50);
    expect(watchFigures()).toEqual({ sources: 0, readers: 0, connections: 0 });
  });
});

describe("a reader's second tab", () => {
  it("joining with a version older than the first tab heard moves neither back: both end on the index's", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, reader, author] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [reader, author], current: true });
    const first = await follow(reader, "soviet-note");
    let release = () => {};
    try {
      const [before] = await first.eventsUntil(1);
      // The second tab works out its version now, and is held before it joins.
      opening.held = new Promise((resolve) => (release = () => resolve()));
      const reached = new Promise<void>((resolve) => (opening.reached = resolve));
      session.actor = reader.actor;
      const secondOpening = follow(reader, "soviet-note");
      await reached;
      opening.held = null;
      // A classmate's note: the first tab hears the new version.
      await createAnnotation(
        author.actor,
        annotationInput(edition, "Władimira Potiomkina", { groupId: group.id, visibility: "group" }),
      );
      const latest = await indexVersion(reader);
      expect(latest).not.toBe(before!.version);
      expect((await first.eventsUntil(2)).at(-1)!.version).toBe(latest);
      // The second tab joins with the version from before the note.
      release();
      const second = await secondOpening;
      try {
        expect((await second.eventsUntil(2)).map((event) => event.version)).toEqual([
          before!.version,
          latest,
        ]);
        await pause(QUIET_MS);
        // The first tab was never told the older version again.
        expect(first.events.map((event) => event.version)).toEqual([before!.version, latest]);
        expect(second.events.map((event) => event.version)).toEqual([before!.version, latest]);
      } finally {
        await second.stop();
      }
    } finally {
      release();
      await first.stop();
    }
  });
});

describe("changes sent with the version", () => {
  /** The reader's index as the index route gives it to them now, unpacked. */
  const fetched = async (user: TestUser) => {
    const { json } = await annotationIndexJsonUnlessUnchanged(user.actor, "soviet-note", undefined, null);
    return unpackIndex(JSON.parse(json!) as PackedAnnotationIndex);
  };
  const shown = (index: AnnotationIndexView) => ({
    version: index.version,
    base: index.base,
    threads: threadsShown(index.annotations),
    sentenceCounts: index.sentenceCounts,
    people: index.people.map((person) => person.id).sort(),
  });

  it("brings a reader's index up to date without a fetch, their own new notes too; a thread gone only as a version", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, author, classmate] = await Promise.all([createUser(), createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [author, classmate], current: true });
    const note = (user: TestUser, quote: string) =>
      createAnnotation(
        user.actor,
        annotationInput(edition, quote, { groupId: group.id, visibility: "group" }),
      );
    const first = await note(author, "wszystkie układy z Polską");
    const watching = await follow(classmate, "soviet-note");
    try {
      await watching.eventsUntil(1);
      let held = await fetched(classmate);
      // A classmate's note, then an edit: each comes with the threads that make the new index.
      await note(author, "Władimira Potiomkina");
      await watching.eventsUntil(2);
      expect(watching.changes).toHaveLength(1);
      const sent = watching.changes[0]!;
      held = applySharedChanges(held, {
        ...sent,
        annotations: unpackThreads(sent.annotations, sent.people),
      })!;
      expect(shown(held)).toEqual(shown(await fetched(classmate)));
      await updateAnnotation(author.actor, first.id, { tags: ["pakt"] });
      await watching.eventsUntil(3);
      expect(watching.changes).toHaveLength(2);
      const edited = watching.changes[1]!;
      expect(edited.annotations.ids).toEqual([first.id]);
      held = applySharedChanges(held, {
        ...edited,
        annotations: unpackThreads(edited.annotations, edited.people),
      })!;
      expect(shown(held)).toEqual(shown(await fetched(classmate)));

      // The first note made private: a thread gone is told as a version alone (the reader fetches).
      await updateAnnotation(author.actor, first.id, { visibility: "private" });
      const events = await watching.eventsUntil(4);
      expect(events).toHaveLength(4);
      expect(watching.changes).toHaveLength(2);
      expect(events[3]!.version).toBe(await indexVersion(classmate));
      held = await fetched(classmate);
      // The classmate's own note: sent with the changes too (marked as theirs), no fetch.
      const own = await note(classmate, "nocie dyplomatycznej");
      expect(await watching.eventsUntil(5)).toHaveLength(5);
      expect(watching.changes).toHaveLength(3);
      const mine = watching.changes[2]!;
      expect(mine.ownCount).toBe(1);
      const applied = applySharedChanges(held, {
        ...mine,
        annotations: unpackThreads(mine.annotations, mine.people),
      })!;
      expect(applied.annotations.find((a) => a.id === own.id)).toMatchObject({ mine: true });
      expect(shown(applied)).toEqual(shown(await fetched(classmate)));
      // An index that lost count of theirs (one of theirs gone meanwhile) is not made from them.
      const without = { ...held, annotations: held.annotations.filter((a) => a.id !== own.id) };
      expect(
        applySharedChanges(
          {
            ...without,
            annotations: [...without.annotations, { ...without.annotations[0]!, id: "gone", mine: true }],
          },
          { ...mine, annotations: unpackThreads(mine.annotations, mine.people) },
        ),
      ).toBeNull();
      // A private note of theirs: the shared part stands still, their own part tells it.
      const secret = await createAnnotation(
        classmate.actor,
        annotationInput(edition, "Władimira Potiomkina", { groupId: group.id, visibility: "private" }),
      );
      expect(await watching.eventsUntil(6)).toHaveLength(6);
      expect(watching.changes).toHaveLength(4);
      const hidden = applySharedChanges(applied, {
        ...watching.changes[3]!,
        annotations: unpackThreads(watching.changes[3]!.annotations, watching.changes[3]!.people),
      })!;
      expect(hidden.annotations.some((a) => a.id === secret.id)).toBe(true);
      expect(shown(hidden)).toEqual(shown(await fetched(classmate)));
      // One of theirs deleted: a thread gone, so a version alone (the reader fetches).
      await deleteAnnotation(classmate.actor, secret.id);
      const afterDelete = await watching.eventsUntil(7);
      expect(afterDelete).toHaveLength(7);
      expect(watching.changes).toHaveLength(4);
      expect(afterDelete[6]!.version).toBe(await indexVersion(classmate));
    } finally {
      await watching.stop();
    }
  });
  it("tells a class writing without pause each change with its threads, in order, so no reader fetches", async () => {
    const edition = await importedEdition("soviet-note");
    const instructor = await createUser();
    const students = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    const group = await createGroupWith({ instructor, students, current: true });
    const watching = await follow(instructor, "soviet-note");
    try {
      await watching.eventsUntil(1);
      let held = await fetched(instructor);
      const quotes = ["Władimira Potiomkina", "nocie dyplomatycznej", "wszystkie układy z Polską"];
      // Each student writes note after note while the others do: every change lands while the
      // instance is still reading the group's index again after the one before. Two bursts, the
      // second once the first was heard, so the changes are told in more than one event however
      // fast the machine (one pass may otherwise find a whole burst done).
      for (const burst of [0, 1]) {
        const heard = watching.events.length;
        await Promise.all(
          students.map(async (student, s) => {
            for (let i = burst * 3; i < burst * 3 + 3; i++) {
              await createAnnotation(
                student.actor,
                annotationInput(edition, quotes[(s + i) % 3]!, { groupId: group.id, visibility: "group" }),
              );
              await pause(5 + ((s * 7 + i * 3) % 11));
            }
          }),
        );
        await watching.eventsUntil(heard + 1);
      }
      await pause(QUIET_MS * 2);
      const events = watching.events.slice(1);
      expect(events.length).toBeGreaterThanOrEqual(2);
      // Every new version came with the threads that make it, each from the one before.
      expect(watching.changes.map((sent) => sent.version)).toEqual(events.map((event) => event.version));
      for (const sent of watching.changes) {
        held = applySharedChanges(held, {
          ...sent,
          annotations: unpackThreads(sent.annotations, sent.people),
        })!;
        expect(held).not.toBeNull();
      }
      expect(held.annotations).toHaveLength(24);
      expect(shown(held)).toEqual(shown(await fetched(instructor)));
    } finally {
      await watching.stop();
    }
  });

  it("tells students who write while they read each change with the threads, their own caught up with by the group's part left out", async () => {
    const edition = await importedEdition("soviet-note");
    const instructor = await createUser();
    const students = await Promise.all(Array.from({ length: 4 }, () => createUser()));
    const group = await createGroupWith({ instructor, students, current: true });
    // The seminar's reading already has the instructor's note when the class opens it.
    await createAnnotation(
      instructor.actor,
      annotationInput(edition, "nocie dyplomatycznej", { groupId: group.id, visibility: "group" }),
    );
    // One after another: each follow signs in as its student for the route (the session is mocked).
    const watching: Awaited<ReturnType<typeof follow>>[] = [];
    for (const student of students) watching.push(await follow(student, "soviet-note"));
    try {
      await Promise.all(watching.map((w) => w.eventsUntil(1)));
      const held = await Promise.all(students.map((student) => fetched(student)));
      const quotes = ["Władimira Potiomkina", "nocie dyplomatycznej", "wszystkie układy z Polską"];
      // Each writes while the others do, a note every 100–250 ms (no one writes faster): the group's
      // part, read again for a classmate's change, often catches up with a reader's own note after
      // their own part told it.
      await Promise.all(
        students.map(async (student, s) => {
          for (let i = 0; i < 5; i++) {
            await createAnnotation(
              student.actor,
              annotationInput(edition, quotes[(s + i) % 3]!, { groupId: group.id, visibility: "group" }),
            );
            await pause(100 + ((s * 37 + i * 53) % 150));
          }
        }),
      );
      await pause(QUIET_MS * 2);
      for (const [s, student] of students.entries()) {
        const events = watching[s]!.events.slice(1);
        // No version alone (which would send the reader to fetch): each came with its changes.
        expect(watching[s]!.changes.map((sent) => sent.version)).toEqual(
          events.map((event) => event.version),
        );
        let index = held[s]!;
        for (const sent of watching[s]!.changes) {
          index = applySharedChanges(index, {
            ...sent,
            annotations: unpackThreads(sent.annotations, sent.people),
          })!;
          expect(index).not.toBeNull();
        }
        expect(index.annotations.filter((a) => a.mine)).toHaveLength(5);
        expect(shown(index)).toEqual(shown(await fetched(student)));
      }
    } finally {
      await Promise.all(watching.map((w) => w.stop()));
    }
  });
});

describe("who reads a source now", () => {
  it("tells each reader which members of their group have it open, nobody else, and when they leave", async () => {
    await importedEdition("soviet-note");
    const [instructor, anna, bolek, outsider, outsiderTeacher] = await Promise.all([
      createUser({ name: "Prof. Nowak" }),
      createUser({ name: "Anna" }),
      createUser({ name: "Bolek" }),
      createUser({ name: "Outsider" }),
      createUser({ name: "Other teacher" }),
    ]);
    await createGroupWith({ instructor, students: [anna, bolek], current: true });
    await createGroupWith({ instructor: outsiderTeacher, students: [outsider], current: true });
    const annaReads = await follow(anna, "soviet-note");
    const others: Awaited<ReturnType<typeof follow>>[] = [];
    try {
      expect(await annaReads.presenceUntil([])).toEqual([]);
      const bolekReads = await follow(bolek, "soviet-note");
      others.push(bolekReads);
      expect(await annaReads.presenceUntil(["Bolek"])).toEqual(["Bolek"]);
      expect(await bolekReads.presenceUntil(["Anna"])).toEqual(["Anna"]);
      // Another group reading the same source, and Bolek's second tab: nothing changes for Anna.
      others.push(await follow(outsider, "soviet-note"));
      const bolekAgain = await follow(bolek, "soviet-note");
      expect(await bolekAgain.presenceUntil(["Anna"])).toEqual(["Anna"]);
      await pause(QUIET_MS);
      expect(annaReads.presence.flat()).not.toContain("Outsider");
      // Bolek closes one tab: still reading. Then the other: gone.
      await bolekAgain.stop();
      await pause(QUIET_MS);
      expect(annaReads.presence.at(-1)).toEqual(["Bolek"]);
      await bolekReads.stop();
      expect(await annaReads.presenceUntil([])).toEqual([]);
    } finally {
      await Promise.all([annaReads.stop(), ...others.map((other) => other.stop())]);
    }
  });

  it("drops a removed member from the others' list at once, and tells them nobody", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, anna, removed] = await Promise.all([
      createUser({ name: "Prof. Nowak" }),
      createUser({ name: "Anna" }),
      createUser({ name: "Removed" }),
    ]);
    const group = await createGroupWith({ instructor, students: [anna, removed], current: true });
    // The group has annotated the source (a removal is announced on the sources it annotated).
    await createAnnotation(
      anna.actor,
      annotationInput(edition, "Władimira Potiomkina", { groupId: group.id, visibility: "group" }),
    );
    const [annaReads, removedReads] = [
      await follow(anna, "soviet-note"),
      await follow(removed, "soviet-note"),
    ];
    try {
      expect(await annaReads.presenceUntil(["Removed"])).toEqual(["Removed"]);
      await removeMember(instructor.actor, group.id, removed.id);
      expect(await annaReads.presenceUntil([])).toEqual([]);
      expect(await removedReads.presenceUntil([])).toEqual([]);
    } finally {
      await Promise.all([annaReads.stop(), removedReads.stop()]);
    }
  });
});

describe("across app instances", () => {
  if (testDatabase().embedded) {
    it("on the embedded database (one app instance) stay within the process: no listening connection", async () => {
      await importedEdition("soviet-note");
      const reader = await createUser();
      const watching = await follow(reader, "soviet-note");
      try {
        expect(await watching.eventsUntil(1)).toHaveLength(1);
        const hub = (globalThis as { glossaAnnotationHub?: { client: unknown } }).glossaAnnotationHub;
        expect(hub?.client).toBeNull();
      } finally {
        await watching.stop();
      }
    });
    return;
  }
  it("on a PostgreSQL server: a change another instance announced reaches this one's readers", async () => {
    const edition = await importedEdition("soviet-note");
    const [instructor, student] = await Promise.all([createUser(), createUser()]);
    const group = await createGroupWith({ instructor, students: [student], current: true });
    const watching = await follow(instructor, "soviet-note");
    try {
      await watching.eventsUntil(1);
      // Another instance's write: the row, then its announcement, on connections of their own.
      const { prisma, connectionString } = testDatabase();
      const source = await prisma.source.findUniqueOrThrow({ where: { slug: "soviet-note" } });
      const { id: editionId } = await prisma.edition.findFirstOrThrow({
        where: { sourceId: source.id, number: edition.number },
      });
      const start = edition.text.indexOf("Władimira Potiomkina");
      await prisma.annotation.create({
        data: {
          sourceId: source.id,
          editionId,
          groupId: group.id,
          authorId: student.actor!.userId,
          kind: "HIGHLIGHT",
          visibility: "GROUP",
          quoteExact: "Władimira Potiomkina",
          quotePrefix: "",
          quoteSuffix: "",
          positionStart: start,
          positionEnd: start + 20,
        },
      });
      const other = new pg.Client({ connectionString });
      await other.connect();
      await other.query("SELECT pg_notify('glossa_annotation_changes', $1)", [
        JSON.stringify({ sourceId: source.id, groupId: group.id, from: "another-instance" }),
      ]);
      await other.end();
      const events = await watching.eventsUntil(2);
      expect(events).toHaveLength(2);
      expect(events[1]!.version).toBe(await indexVersion(instructor));
    } finally {
      await watching.stop();
    }
  });
});
