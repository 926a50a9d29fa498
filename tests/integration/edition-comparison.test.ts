/**
 * The editions list and the comparison of two editions (lib/sources/find-source-editions.ts,
 * get-edition-comparison.ts): found exactly where the source is read, never for another source's
 * editions, and with the publisher's name only where the source's readers are its group.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { createSource } from "@/lib/sources/create-source";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { findSourceEditions } from "@/lib/sources/find-source-editions";
import { getEditionComparison } from "@/lib/sources/get-edition-comparison";
import { createGroupWith, createUser, label, outcome, uniqueKey, type TestUser } from "../support/factories";
import { MINUTES, MINUTES_REVISED, MINUTES_TEXT } from "../support/revised-minutes";
import { newSourceInput } from "../support/source-factories";

const S = MINUTES;
const TEXT = MINUTES_TEXT;
const REVISED = MINUTES_REVISED;

let instructor: TestUser, student: TestUser, outsider: TestUser, admin: TestUser;
let groupSlug: string, otherSlug: string, publicSlug: string;

const revision = (edition: number, text: string) => ({ edition, draft: draftFromPlainText(text, false) });

beforeAll(async () => {
  [instructor, student, outsider] = await Promise.all([createUser(), createUser(), createUser()]);
  admin = await createUser({ email: `admin-${uniqueKey()}@example.test` });
  const group = await createGroupWith({ instructor, students: [student] });
  const admins = [admin.email];
  const add = async (actor: Actor, library: string | null) =>
    (await createSource(actor, library, newSourceInput(TEXT, { titleEn: `Minutes ${uniqueKey()}` }), admins))
      .slug;
  [groupSlug, otherSlug, publicSlug] = await Promise.all([
    add(instructor.actor, group.id),
    add(instructor.actor, group.id),
    add(admin.actor, null),
  ]);
  await publishRevision(instructor.actor, groupSlug, revision(1, REVISED), admins);
  await publishRevision(instructor.actor, groupSlug, revision(2, `${REVISED} Dodane zdanie.`), admins);
  await publishRevision(admin.actor, publicSlug, revision(1, REVISED), admins);
});

describe("getEditionComparison", () => {
  it("shows a group member the corrected word and the deleted sentence", async () => {
    const view = await getEditionComparison(groupSlug, student.actor, 1, 2);
    expect(view.comparison.changes).toEqual(["correction", "deletion"]);
    const [first, second] = view.comparison.rows;
    expect(first!.old[0]!.runs.find((run) => run.change === "changed")?.text).toBe("sie");
    expect(first!.new[0]!.runs.find((run) => run.change === "changed")?.text).toBe("się");
    expect(second).toMatchObject({
      old: [{ number: 2, runs: [{ text: S[1], change: "deleted" }] }],
      new: [],
    });
  });

  it("compares any two editions, in the order asked", async () => {
    const view = await getEditionComparison(groupSlug, instructor.actor, 3, 1);
    expect(view.comparison.changes).toEqual(["correction", "insertion", "deletion"]);
  });

  it("hides a group's source from those outside the group, as not found", async () => {
    for (const actor of [outsider.actor, null]) {
      expect(label(await outcome(() => getEditionComparison(groupSlug, actor, 1, 2)))).toMatch(/^NOT_FOUND/u);
      expect(label(await outcome(() => findSourceEditions(groupSlug, actor)))).toMatch(/^NOT_FOUND/u);
    }
  });

  it("never reads editions of another source: numbers name editions of the source asked about", async () => {
    // The other source has edition 1 only; its edition 2 does not exist, though groupSlug's does.
    expect(label(await outcome(() => getEditionComparison(otherSlug, instructor.actor, 1, 2)))).toMatch(
      /^NOT_FOUND/u,
    );
    expect(label(await outcome(() => getEditionComparison(groupSlug, instructor.actor, 1, 9)))).toMatch(
      /^NOT_FOUND/u,
    );
    expect(
      label(await outcome(() => getEditionComparison("no-such-source", instructor.actor, 1, 2))),
    ).toMatch(/^NOT_FOUND/u);
  });

  it("compares a public source's editions for anyone, signed in or not", async () => {
    const view = await getEditionComparison(publicSlug, null, 1, 2);
    expect(view.comparison.changes).toEqual(["correction", "deletion"]);
  });
});

describe("findSourceEditions", () => {
  it("lists a group source's editions with their sentence counts and who published the revisions", async () => {
    const { editions } = await findSourceEditions(groupSlug, student.actor);
    expect(
      editions.map(({ number, sentenceCount, publishedBy, revision }) => ({
        number,
        sentenceCount,
        publishedBy,
        revision,
      })),
    ).toEqual([
      { number: 1, sentenceCount: 4, publishedBy: null, revision: false },
      { number: 2, sentenceCount: 3, publishedBy: instructor.name, revision: true },
      { number: 3, sentenceCount: 4, publishedBy: instructor.name, revision: true },
    ]);
  });

  it("does not name who revised a public source, which anyone reads", async () => {
    const { editions } = await findSourceEditions(publicSlug, null);
    expect(editions.at(-1)).toMatchObject({ number: 2, publishedBy: null, revision: true });
  });
});
