/**
 * Helpers of the tests of what students read on an assignment's readings (reveal after posting,
 * small groups): an assignment's form input, a note posted to the group, and the threads a reader's
 * list and index hold (checked to agree, sentence counts included).
 */
import { expect } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { annotationListTag } from "@/lib/annotations/annotation-tags";
import type { SharedChanges } from "@/lib/annotations/index/wire";
import { watchAnnotationVersions } from "@/lib/annotations/watch-annotations";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotationIndex } from "@/lib/annotations/list-annotation-index";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { utcToZonedTime } from "@/lib/assignments/zoned-time";
import { annotationInput, type TestEdition } from "./annotation-factories";
import type { TestGroup, TestUser } from "./factories";
import { testDatabase } from "./test-database";

const HOUR_MS = 60 * 60 * 1000;

/** Sentence `n` of an edition, trimmed. */
export async function sentence(edition: TestEdition, n: number): Promise<string> {
  const passage = await testDatabase().prisma.passage.findFirstOrThrow({
    where: { number: n, edition: { number: edition.number, source: { slug: edition.slug } } },
  });
  return edition.text.slice(passage.start, passage.end).trim();
}

/** A first few words of sentence `n`: a quote inside it. */
export const within = async (edition: TestEdition, n: number) =>
  (await sentence(edition, n)).split(" ").slice(0, 3).join(" ");

/** An assignment's form input: open an hour ago, due in two days, sentences 2-3 of the Soviet note. */
export function assignmentInput(overrides: Record<string, unknown> = {}) {
  const zone = "Europe/Warsaw";
  return {
    title: "Week 4",
    opensAt: utcToZonedTime(new Date(Date.now() - HOUR_MS), zone),
    dueAt: utcToZonedTime(new Date(Date.now() + 48 * HOUR_MS), zone),
    timeZone: zone,
    minAnnotations: "1",
    minReplies: "0",
    minQuestions: "0",
    readings: JSON.stringify([{ source: "soviet-note", firstSentence: 2, lastSentence: 3 }]),
    ...overrides,
  };
}

/** A note visible to the whole group, by `user`, on `quote`. */
export async function post(
  user: TestUser,
  group: TestGroup,
  edition: TestEdition,
  quote: string,
  body: string,
) {
  return createAnnotation(
    user.actor,
    annotationInput(edition, quote, { groupId: group.id, visibility: "group", body }),
  );
}

/** The ids of the threads a reader's list and index hold on a source (the two checked to agree). */
export async function seen(actor: Actor, slug = "soviet-note"): Promise<Set<string>> {
  const [list, index] = await Promise.all([listAnnotations(actor, slug), listAnnotationIndex(actor, slug)]);
  const listed = list.annotations.filter((a) => !a.withheld).map((a) => a.id);
  const indexed = index.annotations.filter((a) => a.authorId !== "").map((a) => a.id);
  expect(new Set(indexed)).toEqual(new Set(listed));
  expect(index.sentenceCounts).toEqual(list.sentenceCounts);
  return new Set(listed);
}

/** A note visible to the group whose body cites the passage `permalinkId` (so it is "cited by"). */
export async function postCiting(
  user: TestUser,
  group: TestGroup,
  edition: TestEdition,
  quote: string,
  text: string,
  permalinkId: string,
) {
  return createAnnotation(
    user.actor,
    annotationInput(edition, quote, {
      groupId: group.id,
      visibility: "group",
      body: {
        type: "doc",
        content: [
          {
            type: "paragraph",
            content: [
              { type: "text", text },
              { type: "passageReference", attrs: { permalinkId, label: "See", quote: "x" } },
            ],
          },
        ],
      },
    }),
  );
}

/**
 * A live reader of the Soviet note: the versions and the class's changes it is sent, `until(n)`
 * waiting (5 s at most) for the n-th version, `current()` the reader's index tag now.
 */
export async function watchNote(actor: Actor) {
  const versions: string[] = [];
  const changes: SharedChanges[] = [];
  const watch = await watchAnnotationVersions(actor, ["soviet-note"], {
    version: (_slug, version) => versions.push(version),
    changes: (_slug, found) => changes.push(found),
    end: () => {},
  });
  const until = async (count: number) => {
    const deadline = Date.now() + 5_000;
    while (versions.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(versions.length).toBe(count);
  };
  const current = () => annotationListTag(actor, "soviet-note", undefined, "index");
  return { versions, changes, until, current, stop: () => watch.stop() };
}
