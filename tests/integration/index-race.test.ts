/**
 * The index against changes committed while it is being read. The index is kept at three levels —
 * each group's shared part (by its state), each served index (by its ETag), and the reader's own copy
 * (answered 304 while its ETag holds) — and a change that lands between the read of a state and the
 * read of the rows must not leave rows of one state under the key of another: when the group comes
 * back to that state (the note made private again, hidden again, deleted), the note would reappear in
 * other members' indexes. Staged exactly (tests/support/between-reads.ts), then at random from a seed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { hideAnnotation, unhideAnnotation } from "@/lib/annotations/hide-annotation";
import { applyIndexDelta } from "@/lib/annotations/index/apply-delta";
import {
  unpackIndex,
  type PackedAnnotationIndex,
  type PackedAnnotationIndexDelta,
} from "@/lib/annotations/index/wire";
import { annotationIndexJsonUnlessUnchanged } from "@/lib/annotations/list-annotation-index";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { backgroundReadsDone } from "@/lib/annotations/index/tier-states";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import type { AnnotationIndexView, AnnotationKind, AnnotationVisibility } from "@/lib/annotations/types";
import { isAppError } from "@/lib/http/errors";
import { seededRandom } from "../bench/seeded-random";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { beforeNextRowsRead, disarm, ownRowsOf, sharedRows } from "../support/between-reads";
import {
  createGroupWith,
  createSeminarOfFour,
  createUser,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { threadsShown } from "../support/index-shown";
import { testDatabase } from "../support/test-database";

const SLUG = "soviet-note";
const QUOTES = [
  "wszystkie układy z Polską",
  "nocie dyplomatycznej",
  "Władimira Potiomkina",
  "Wacławowi Grzybowskiemu",
  "rozpadzie państwa",
  "ochrony mienia",
];

let edition: TestEdition;
beforeAll(async () => {
  edition = await importedEdition(SLUG);
});

/**
 * A reader's browser: the index it holds and its ETag, sent back as If-None-Match; and, as the
 * reader's client keeps it, the index brought up to date with the changes since (`?base=`).
 */
interface Reader {
  user: TestUser;
  tag: string | null;
  json: string | null;
  held: { tag: string | null; index: AnnotationIndexView | null; deltas: number };
}

const readerOf = (user: TestUser): Reader => ({
  user,
  tag: null,
  json: null,
  held: { tag: null, index: null, deltas: 0 },
});

/** The reader asks the index route again: a 304 keeps what they hold, a 200 replaces it. */
async function refresh(reader: Reader, group: TestGroup): Promise<void> {
  const { tag, json } = await annotationIndexJsonUnlessUnchanged(
    reader.user.actor,
    SLUG,
    group.id,
    reader.tag,
  );
  reader.tag = tag;
  if (json !== null) reader.json = json;
}

/** The reader's client asks for the changes since the index it holds, and applies them. */
async function refreshByChanges(reader: Reader, group: TestGroup): Promise<void> {
  const { held } = reader;
  const { tag, json } = await annotationIndexJsonUnlessUnchanged(
    reader.user.actor,
    SLUG,
    group.id,
    held.tag,
    held.index?.base ?? null,
  );
  held.tag = tag;
  if (json === null) return;
  const body = JSON.parse(json) as PackedAnnotationIndex | PackedAnnotationIndexDelta;
  if ("delta" in body) {
    const applied = applyIndexDelta(held.index!, unpackIndex(body));
    expect(applied, "changes made against the index held").not.toBeNull();
    held.index = applied;
    held.deltas++;
  } else {
    held.index = unpackIndex(body);
  }
}

/** What the reader's index shows of each thread, and its sentence counts. */
function shown(reader: Reader, index = unpackIndex(JSON.parse(reader.json!) as PackedAnnotationIndex)) {
  return {
    threads: threadsShown(index.annotations),
    sentenceCounts: index.sentenceCounts,
  };
}

/** What the reader's list (the same threads, read afresh, never cached) shows of each thread. */
async function listed(actor: Actor, group: TestGroup) {
  const list = await listAnnotations(actor, SLUG, group.id);
  return {
    threads: list.annotations.map((a) => ({
      id: a.id,
      kind: a.kind,
      authorId: a.author.id,
      mine: a.mine,
      tags: a.tags,
      anchor: a.anchor,
      deleted: a.deleted,
      hidden: a.hidden !== null,
    })),
    sentenceCounts: list.sentenceCounts,
  };
}

/** The reader refreshes their index, which must then show exactly what their list shows. */
async function expectIndexIsList(reader: Reader, group: TestGroup, context = ""): Promise<void> {
  await refresh(reader, group);
  await refreshByChanges(reader, group);
  const list = await listed(reader.user.actor, group);
  expect(shown(reader), `${reader.user.name}'s index ${context}`).toEqual(list);
  expect(shown(reader, reader.held.index!), `${reader.user.name}'s index kept by changes ${context}`).toEqual(
    list,
  );
  expect(reader.held.tag, "the version of the index kept by changes").toBe(reader.tag);
}

async function seminar() {
  const [instructor, author, classmate, another] = await Promise.all([
    createUser({ name: "Instructor" }),
    createUser({ name: "Author" }),
    createUser({ name: "Classmate" }),
    createUser({ name: "Another classmate" }),
  ]);
  const group = await createGroupWith({ instructor, students: [author, classmate, another] });
  const note = (user: TestUser, quote: string, visibility: AnnotationVisibility) =>
    createAnnotation(user.actor, annotationInput(edition, quote, { groupId: group.id, visibility }));
  // Something the whole group already shares.
  await note(another, QUOTES[0]!, "group");
  return { instructor, author, classmate, another, group, note };
}

describe("a change committed between the read of the index's state and the read of its rows", () => {
  type Seminar = Awaited<ReturnType<typeof seminar>>;
  /** Sets a note up; returns the change made during a classmate's read, and the one that undoes it. */
  type Scenario = (s: Seminar) => Promise<{ during: () => Promise<unknown>; after: () => Promise<unknown> }>;
  const scenarios: [string, Scenario][] = [
    [
      "a note shared, then made private again",
      async ({ author, note }) => {
        const made = await note(author, QUOTES[1]!, "private");
        return {
          during: () => updateAnnotation(author.actor, made.id, { visibility: "group" }),
          after: () => updateAnnotation(author.actor, made.id, { visibility: "private" }),
        };
      },
    ],
    [
      "a note shown again, then hidden again",
      async ({ instructor, author, note }) => {
        const made = await note(author, QUOTES[1]!, "group");
        await hideAnnotation(instructor.actor, made.id, { reason: "Off topic" });
        return {
          during: () => unhideAnnotation(instructor.actor, made.id),
          after: () => hideAnnotation(instructor.actor, made.id, { reason: "Off topic" }),
        };
      },
    ],
    [
      "a note made, then deleted",
      async ({ author, note }) => {
        let made: { id: string } | null = null;
        return {
          during: async () => (made = await note(author, QUOTES[1]!, "group")),
          after: () => deleteAnnotation(author.actor, made!.id),
        };
      },
    ],
  ];

  it.each(scenarios)("%s: no other member's index shows it afterwards", async (_name, scenario) => {
    const s = await seminar();
    const { during, after } = await scenario(s);
    const classmate = readerOf(s.classmate);
    await backgroundReadsDone();
    const fired = beforeNextRowsRead(sharedRows, during);
    await refresh(classmate, s.group);
    expect(fired()).toBe(true);

    // The group is back in the state the classmate's read began in.
    await after();
    for (const reader of [readerOf(s.another), classmate, readerOf(s.instructor), readerOf(s.author)]) {
      await expectIndexIsList(reader, s.group);
    }
  });

  it("the same for a reader's own part: their note made in another tab during the read, then deleted", async () => {
    const s = await seminar();
    let made: { id: string } | null = null;
    const fired = beforeNextRowsRead(ownRowsOf(s.author.id), async () => {
      made = await s.note(s.author, QUOTES[2]!, "private");
    });
    const author = readerOf(s.author);
    await refresh(author, s.group);
    expect(fired()).toBe(true);

    await deleteAnnotation(s.author.actor, made!.id);
    await expectIndexIsList(author, s.group);
    await expectIndexIsList(readerOf(s.author), s.group);
  });
});

describe("readers racing edits, visibility changes, hiding and deletions (seeded)", () => {
  /** Steps of the run: a few seconds on an idle machine, PostgreSQL or the embedded database. */
  const STEPS = 20;
  const SEED = Number(process.env.INDEX_RACE_SEED ?? 2);

  it("every reader's index is their list after every change", { timeout: 120_000 }, async () => {
    const random = seededRandom(SEED);
    const { instructor, group, everyone } = await createSeminarOfFour();
    const readers = everyone.map(readerOf);
    const notes: { id: string; author: TestUser }[] = [];
    const visibilities: AnnotationVisibility[] = ["private", "instructors", "group"];
    const kinds: AnnotationKind[] = ["comment", "question", "highlight"];
    const tags = ["pact", "note", "war"];
    const visibilityOf = async (id: string) => {
      const row = await testDatabase().prisma.annotation.findUnique({
        where: { id },
        select: { visibility: true },
      });
      return (row?.visibility.toLowerCase() ?? "private") as AnnotationVisibility;
    };
    /** A note, `by`'s if they have one. */
    const pickNote = (by: TestUser | null) => {
      const theirs = notes.filter((note) => note.author === by);
      return random.pick(theirs.length > 0 ? theirs : notes);
    };
    const remove = async (note: (typeof notes)[number]) => {
      await deleteAnnotation(note.author.actor, note.id);
      notes.splice(notes.indexOf(note), 1);
    };

    const newNote = async (author: TestUser, visibility: AnnotationVisibility): Promise<Undo> => {
      const made = await createAnnotation(
        author.actor,
        annotationInput(edition, random.pick(QUOTES), {
          groupId: group.id,
          visibility,
          kind: random.pick(kinds),
          tags: random.chance(0.5) ? [random.pick(tags)] : [],
        }),
      );
      const note = { id: made.id, author };
      notes.push(note);
      return () => remove(note);
    };

    /**
     * Changes members make (`by` one of them, or anyone), each with the change that undoes it where
     * there is one: undoing brings a group back to a state it was in, where a part or an index kept
     * from a racing read would be found again.
     */
    type Undo = () => Promise<unknown>;
    type Change = (by: TestUser | null) => Promise<Undo | null>;
    const revisibility =
      (visibility: () => AnnotationVisibility): Change =>
      async (by) => {
        const note = pickNote(by);
        const before = await visibilityOf(note.id);
        await updateAnnotation(note.author.actor, note.id, { visibility: visibility() });
        return () => updateAnnotation(note.author.actor, note.id, { visibility: before });
      };
    const changes: [string, Change][] = [
      ["a new note", (by) => newNote(by ?? random.pick(everyone), random.pick(visibilities))],
      ["a note shared", revisibility(() => random.pick(["group", "instructors"]))],
      ["a note made private", revisibility(() => "private")],
      [
        "hiding",
        async (by) => {
          const note = pickNote(by);
          await hideAnnotation(instructor.actor, note.id, { reason: "Off topic" });
          return () => unhideAnnotation(instructor.actor, note.id);
        },
      ],
      [
        "showing again",
        async (by) => {
          const note = pickNote(by);
          await unhideAnnotation(instructor.actor, note.id);
          return () => hideAnnotation(instructor.actor, note.id, { reason: "Off topic" });
        },
      ],
      [
        "an edit",
        async (by) => {
          const note = pickNote(by);
          await updateAnnotation(note.author.actor, note.id, {
            tags: [random.pick(tags)],
            kind: random.pick(kinds),
          });
          return null;
        },
      ],
      [
        "a reply",
        async (by) => {
          const note = pickNote(by);
          await replyToAnnotation(random.pick([note.author, instructor]).actor, note.id, {
            body: bodyFromPlainText("Why?"),
          });
          return null;
        },
      ],
      [
        "a deletion",
        async (by) => {
          await remove(pickNote(by));
          return null;
        },
      ],
    ];
    /** Changes that bring a note into others' view count twice: undone, they find a stale part. */
    const racingChanges = [...changes, ...changes.filter(([name]) => /new|shared|again/u.test(name))];
    /** A change refused (a note its maker may no longer read or change): nothing to undo. */
    const attempt = (change: () => Promise<Undo | null>) =>
      change().catch((error: unknown) => {
        if (!isAppError(error)) throw error;
        return null;
      });
    const everyIndexIsTheList = (context: string) =>
      Promise.all(readers.map((reader) => expectIndexIsList(reader, group, context)));

    for (let made = 0; made < 4; made++) await changes[0]![1](null);
    let undo = null as Undo | null;
    for (let step = 1; step <= STEPS; step++) {
      await backgroundReadsDone();
      if (undo && random.chance(0.7)) {
        // Undone: the group is back in the state the last racing read began in.
        const undoing = undo;
        undo = null;
        await attempt(async () => (await undoing(), null));
        await backgroundReadsDone();
        await everyIndexIsTheList(`after step ${step} (undoing the last step's change)`);
        continue;
      }
      // A read with a change committed in its middle, after a new note (so that it reads rows).
      const [name, change] = random.pick(racingChanges);
      const when = random.pick([
        "between shared state and rows",
        "between shared state and rows",
        "between own state and rows",
        "alongside",
      ]);
      // In a reader's own part, the change is theirs.
      const reader = random.pick(readers);
      const by = when.includes("own") ? reader.user : null;
      const racing = async () => {
        undo = await attempt(() => change(by));
      };
      // Armed before the first change: hearing of it, the instance reads the group's parts again.
      const fired = beforeNextRowsRead(
        when.includes("shared") ? sharedRows : when.includes("own") ? ownRowsOf(reader.user.id) : () => false,
        racing,
      );
      // The reader's own new note (they read again), or one for the group (the group's parts are).
      await newNote(by ?? random.pick(everyone), by ? "private" : "group");
      await backgroundReadsDone();
      if (when === "alongside") {
        disarm();
        await Promise.all([racing(), refresh(reader, group), refreshByChanges(reader, group)]);
      } else if (!fired()) {
        await refresh(reader, group);
        if (!fired()) {
          // Nothing read (their part was kept): the change comes after.
          disarm();
          await racing();
        }
      }
      await backgroundReadsDone();
      await everyIndexIsTheList(`after step ${step} (${name}, ${when} ${reader.user.name}'s read)`);
    }
    // Each reader's client was sent changes, not always the whole index.
    expect(readers.map((reader) => reader.held.deltas > 0)).toEqual(readers.map(() => true));
  });
});
