/**
 * The states the database keeps for each reading tier of a group (model TierState, kept by a
 * trigger in each write's own transaction): what every reader's version is made of, read as one
 * row instead of aggregates over the group's threads and replies after every change (issue 11).
 * They must be exactly the aggregates the rows give in the same snapshot — a part of the index is
 * kept under its threads' state, so a state off by one change would serve one set of threads under
 * another's key — and the replies' version must move with every change to the replies a tier
 * reads, and with no other (a change hidden from a tier must not reach it, not even as a new tag).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { groupSharedReadWhere, groupSharedReplyWhere, type ReadingTier } from "@/lib/auth/policy";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { hideAnnotation, unhideAnnotation } from "@/lib/annotations/hide-annotation";
import { partState } from "@/lib/annotations/index/part";
import { readTierStates } from "@/lib/annotations/index/tier-states";
import { replyToAnnotation } from "@/lib/annotations/reply-to-annotation";
import { setHelpfulMark } from "@/lib/annotations/set-helpful-mark";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import type { AnnotationVisibility } from "@/lib/annotations/types";
import { isAppError } from "@/lib/http/errors";
import { seededRandom } from "../bench/seeded-random";
import { annotationInput, importedEdition, type TestEdition } from "../support/annotation-factories";
import { createSeminarOfFour, type TestGroup, type TestUser } from "../support/factories";
import { testDatabase } from "../support/test-database";

const SLUG = "soviet-note";
const QUOTES = [
  "wszystkie układy z Polską",
  "nocie dyplomatycznej",
  "Władimira Potiomkina",
  "rozpadzie państwa",
];
const TIERS: readonly ReadingTier[] = ["members", "moderators"];
const VISIBILITIES: readonly AnnotationVisibility[] = ["private", "instructors", "group"];

let edition: TestEdition;
let sourceId: string;
beforeAll(async () => {
  edition = await importedEdition(SLUG);
  sourceId = (await testDatabase().prisma.source.findUniqueOrThrow({ where: { slug: SLUG } })).id;
});

/** Per tier: the kept row's states, and the aggregates over the rows, all read in one snapshot. */
async function snapshot(group: TestGroup) {
  const source = { id: sourceId };
  return testDatabase().prisma.$transaction(
    async (tx) => {
      const tiers = [];
      // One after the other: a transaction's statements share one connection.
      for (const tier of TIERS) {
        const kept = await readTierStates({ source, groupId: group.id, tier }, tx);
        const threads = await partState(source, groupSharedReadWhere(group.id, tier), tx);
        const replies = await tx.annotation.aggregate({
          where: { sourceId, parentId: { not: null }, AND: [groupSharedReplyWhere(group.id, tier)] },
          _count: { _all: true },
          _max: { updatedAt: true },
        });
        tiers.push({
          tier,
          kept,
          threads,
          replies: `${replies._count._all}|${replies._max.updatedAt?.getTime() ?? 0}`,
        });
      }
      return tiers;
    },
    { isolationLevel: "RepeatableRead" },
  );
}

type Snapshot = Awaited<ReturnType<typeof snapshot>>;

/** The kept states equal the aggregates; the replies' version moved exactly when it must. */
function expectKeptExactly(before: Snapshot | null, now: Snapshot, step: string): void {
  for (const [i, state] of now.entries()) {
    expect(state.kept.shared, `${state.tier}' threads after ${step}`).toBe(state.threads);
    if (!before) continue;
    const was = before[i]!;
    const repliesMoved = was.replies !== state.replies;
    const versionMoved = was.kept.replies !== state.kept.replies;
    if (repliesMoved) expect(versionMoved, `${state.tier}' replies version after ${step}`).toBe(true);
    // A version moving with nothing the tier reads moved would tell it of a change hidden from it.
    if (versionMoved)
      expect(
        repliesMoved || was.threads !== state.threads,
        `${state.tier} reads a change after ${step}`,
      ).toBe(true);
  }
}

/** Runs a change; one the policy refuses (a reply to a note deleted meanwhile) changes nothing. */
async function attempt(change: () => Promise<unknown>): Promise<boolean> {
  try {
    await change();
    return true;
  } catch (error) {
    if (isAppError(error)) return false;
    throw error;
  }
}

describe("the states kept for each reading tier", () => {
  it("equal the aggregates over the rows after every step of a class session, for each tier", async () => {
    const { instructor, students, group, everyone } = await createSeminarOfFour();
    const random = seededRandom(11);
    const pick = <T>(items: readonly T[]): T => random.pick(items);
    const threads: { id: string; author: TestUser }[] = [];
    const replies: { id: string; author: TestUser }[] = [];
    let before: Snapshot | null = await snapshot(group);
    expectKeptExactly(null, before, "nothing");
    const steps: [string, () => Promise<unknown>][] = [
      [
        "a note",
        async () => {
          const author = pick(everyone);
          const made = await createAnnotation(
            author.actor,
            annotationInput(edition, pick(QUOTES), { groupId: group.id, visibility: pick(VISIBILITIES) }),
          );
          threads.push({ id: made.id, author });
        },
      ],
      [
        "a personal note",
        () =>
          createAnnotation(pick(students).actor, annotationInput(edition, pick(QUOTES), { groupId: null })),
      ],
      [
        "a reply",
        async () => {
          if (!threads.length) return;
          const author = pick(everyone);
          const made = await replyToAnnotation(author.actor, pick(threads).id, {
            body: bodyFromPlainText("A reply."),
          });
          replies.push({ id: made.id, author });
        },
      ],
      [
        "a note's audience changed",
        async () => {
          if (!threads.length) return;
          const { id, author } = pick(threads);
          await updateAnnotation(author.actor, id, { visibility: pick(VISIBILITIES) });
        },
      ],
      [
        "a reply edited",
        async () => {
          if (!replies.length) return;
          const { id, author } = pick(replies);
          await updateAnnotation(author.actor, id, { body: bodyFromPlainText("Edited.") });
        },
      ],
      [
        "a note hidden",
        async () =>
          threads.length && hideAnnotation(instructor.actor, pick(threads).id, { reason: "Off topic" }),
      ],
      [
        "a note shown again",
        async () => threads.length && unhideAnnotation(instructor.actor, pick(threads).id),
      ],
      [
        "a reply hidden",
        async () =>
          replies.length && hideAnnotation(instructor.actor, pick(replies).id, { reason: "Off topic" }),
      ],
      [
        "a note marked helpful",
        async () =>
          threads.length && setHelpfulMark(pick(students).actor, pick(threads).id, random.next() < 0.7),
      ],
      [
        "a note deleted",
        async () => {
          if (!threads.length) return;
          const { id, author } = pick(threads);
          await deleteAnnotation(author.actor, id);
        },
      ],
      [
        "a reply deleted",
        async () => {
          if (!replies.length) return;
          const { id, author } = pick(replies);
          await deleteAnnotation(author.actor, id);
        },
      ],
    ];
    let applied = 0;
    for (let i = 0; i < 90; i++) {
      // Notes first, so that there is something to reply to, change and hide.
      const [name, change] = i < 6 ? steps[0]! : pick(steps);
      if (await attempt(change)) applied++;
      const now = await snapshot(group);
      expectKeptExactly(before, now, `step ${i} (${name})`);
      before = now;
    }
    expect(applied, "steps the policy let through").toBeGreaterThan(45);
    const [members, moderators] = before;
    // The session left something for each tier to read, and the tiers read different things.
    expect(Number(members!.threads.split("|")[0])).toBeGreaterThan(0);
    expect(moderators!.threads).not.toBe(members!.threads);
  });

  it("leave the replies' version as it was for a change a tier does not read", async () => {
    const { instructor, students, group } = await createSeminarOfFour();
    const [author, classmate] = students as [TestUser, TestUser, TestUser];
    const shared = await createAnnotation(
      author.actor,
      annotationInput(edition, QUOTES[0]!, { groupId: group.id, visibility: "group" }),
    );
    const forStaff = await createAnnotation(
      author.actor,
      annotationInput(edition, QUOTES[1]!, { groupId: group.id, visibility: "instructors" }),
    );
    const before = await snapshot(group);
    // A reply in a thread only the staff read, and a private note: the members' states stay.
    await replyToAnnotation(instructor.actor, forStaff.id, { body: bodyFromPlainText("For the author.") });
    await createAnnotation(classmate.actor, annotationInput(edition, QUOTES[2]!, { groupId: group.id }));
    const after = await snapshot(group);
    expect(after[0]!.kept, "the members' states").toEqual(before[0]!.kept);
    expect(after[1]!.kept.replies, "the moderators' replies version").not.toBe(before[1]!.kept.replies);
    // A reply the members read moves theirs.
    await replyToAnnotation(classmate.actor, shared.id, { body: bodyFromPlainText("For everyone.") });
    const last = await snapshot(group);
    expect(last[0]!.kept.replies).not.toBe(after[0]!.kept.replies);
    expectKeptExactly(after, last, "a reply everyone reads");
  });

  it("stay exact when a class writes at once, and a write never waits on another's deadlock", async () => {
    const { instructor, students, group, everyone } = await createSeminarOfFour();
    const made = await Promise.all(
      everyone.map((user, i) =>
        createAnnotation(
          user.actor,
          annotationInput(edition, QUOTES[i % QUOTES.length]!, { groupId: group.id, visibility: "group" }),
        ),
      ),
    );
    // Notes, replies, edits and hiding in the same group, all at once (a reply to a note made
    // narrower meanwhile is refused, as it should be).
    const done = await Promise.all([
      ...everyone.flatMap((user, i) => [
        attempt(() =>
          createAnnotation(
            user.actor,
            annotationInput(edition, QUOTES[(i + 1) % QUOTES.length]!, {
              groupId: group.id,
              visibility: VISIBILITIES[i % 3],
            }),
          ),
        ),
        attempt(() =>
          replyToAnnotation(user.actor, made[(i + 1) % made.length]!.id, {
            body: bodyFromPlainText("At once."),
          }),
        ),
        attempt(() =>
          updateAnnotation(user.actor, made[i]!.id, { visibility: i % 2 ? "instructors" : "group" }),
        ),
      ]),
      attempt(() => hideAnnotation(instructor.actor, made[1]!.id, { reason: "Off topic" })),
      attempt(() => setHelpfulMark(students[0]!.actor, made[2]!.id, true)),
    ]);
    expect(done.filter(Boolean).length, "writes the policy let through").toBeGreaterThan(10);
    expectKeptExactly(null, await snapshot(group), "writes at once");
  });

  it("go with the group when it is deleted, annotations and all", async () => {
    const { students, group } = await createSeminarOfFour();
    const note = await createAnnotation(
      students[0]!.actor,
      annotationInput(edition, QUOTES[0]!, { groupId: group.id, visibility: "group" }),
    );
    await replyToAnnotation(students[1]!.actor, note.id, { body: bodyFromPlainText("A reply.") });
    const { prisma } = testDatabase();
    expect(await prisma.tierState.count({ where: { groupId: group.id } })).toBe(2);
    await prisma.group.delete({ where: { id: group.id } });
    expect(await prisma.tierState.count({ where: { groupId: group.id } })).toBe(0);
    expect(await prisma.annotation.count({ where: { groupId: group.id } })).toBe(0);
  });
});
