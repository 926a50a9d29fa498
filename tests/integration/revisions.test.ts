/**
 * Revising a source's text (lib/revisions): a new edition with every annotation placed once, on the
 * server, with its outcome stored; readers see stored placements, never a guessed highlight; staff
 * review what moved uncertainly; old editions and their permalinks keep resolving.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { describe as describeRange } from "@/lib/anchoring/describe";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { listAnnotationIndex } from "@/lib/annotations/list-annotation-index";
import { listAnnotations } from "@/lib/annotations/list-annotations";
import { updateAnnotation } from "@/lib/annotations/update-annotation";
import type { Actor } from "@/lib/auth/policy";
import { createPermalink } from "@/lib/permalinks/create-permalink";
import { resolvePermalink } from "@/lib/permalinks/resolve-permalink";
import { findReviewItems } from "@/lib/revisions/find-review-items";
import { findRevisionLinks } from "@/lib/revisions/find-revision-links";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { reviewPlacement } from "@/lib/revisions/review-placement";
import { createSource } from "@/lib/sources/create-source";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { getSourceReading } from "@/lib/sources/get-source-reading";
import {
  createGroupWith,
  createUser,
  label,
  outcome,
  uniqueKey,
  type TestGroup,
  type TestUser,
} from "../support/factories";
import { newSourceInput } from "../support/source-factories";
import { testDatabase } from "../support/test-database";

const ADMINS = ["admin@example.test"];
const S = [
  "Narada odbyła się we Lwowie w budynku urzędu wojewódzkiego.",
  "Ustalono plan ewakuacji urzędów państwowych na południe kraju.",
  "Wojewoda przedstawił raport o stanie dróg prowadzących ku granicy.",
  "Zebrani rozeszli się o północy, nie podjąwszy dalszych decyzji.",
  "Protokół spisał sekretarz narady i podpisali go wszyscy obecni.",
];
const TEXT = S.join(" ");

let instructor: TestUser, assistant: TestUser, student: TestUser, outsider: TestUser;
let group: TestGroup;

beforeAll(async () => {
  [instructor, assistant, student, outsider] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser(),
  ]);
  group = await createGroupWith({ instructor, tas: [assistant], students: [student] });
});

const revision = (edition: number, text: string) => ({ edition, draft: draftFromPlainText(text, false) });

async function newSource(text = TEXT) {
  const { slug } = await createSource(
    instructor.actor,
    group.id,
    newSourceInput(text, { titleEn: `Minutes ${uniqueKey()}` }),
    ADMINS,
  );
  return slug;
}

/** A group note by `author` on the words `quote` of `text` (edition `edition`). */
async function note(
  author: TestUser,
  slug: string,
  text: string,
  quote: string,
  options: { edition?: number; visibility?: string } = {},
) {
  const start = text.indexOf(quote);
  const view = await createAnnotation(author.actor, {
    source: slug,
    editionNumber: options.edition ?? 1,
    groupId: group.id,
    kind: "comment",
    visibility: options.visibility ?? "group",
    selectors: describeRange(text, { start, end: start + quote.length }),
    body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Uwaga." }] }] },
  });
  return view.id;
}

/** Where each listed annotation is shown to `actor` in the latest edition: its text, or "orphan". */
async function shown(actor: Actor, slug: string) {
  const list = await listAnnotations(actor, slug, group.id);
  const reading = await getSourceReading(slug, actor);
  const text = reading.passages.map((p) => p.text).join(" ");
  return new Map(
    list.annotations.map((a) => [
      a.id,
      a.anchor.status === "anchored" ? text.slice(a.anchor.start, a.anchor.end) : "orphan",
    ]),
  );
}

const editionsOf = (slug: string) => testDatabase().prisma.edition.count({ where: { source: { slug } } });

describe("publishing a revision", () => {
  it("refuses a revision with no change, and saves nothing", async () => {
    const slug = await newSource();
    await note(student, slug, TEXT, "plan ewakuacji");
    expect(
      label(await outcome(() => publishRevision(instructor.actor, slug, revision(1, TEXT), ADMINS))),
    ).toBe("INVALID revisionUnchanged");
    expect(await editionsOf(slug)).toBe(1);
  });

  it.each([
    ["an empty text", "   ", "INVALID sourceTextEmpty"],
    ["a text over the size limit", "a".repeat(500_001), "INVALID sourceTooLong"],
  ])("refuses %s with a clear message, and saves nothing", async (_what, text, expected) => {
    const slug = await newSource();
    const input = { edition: 1, draft: { text, sentences: [{ start: 0, end: text.length }], notes: [] } };
    expect(label(await outcome(() => publishRevision(instructor.actor, slug, input, ADMINS)))).toBe(expected);
    expect(await editionsOf(slug)).toBe(1);
  });

  it("refuses a revision made from an edition that is no longer the latest", async () => {
    const slug = await newSource();
    await publishRevision(instructor.actor, slug, revision(1, TEXT.replace("Lwowie", "Lwowie,")), ADMINS);
    const stale = revision(1, TEXT.replace("północy", "świcie"));
    expect(label(await outcome(() => publishRevision(assistant.actor, slug, stale, ADMINS)))).toBe(
      "CONFLICT revisionStale",
    );
    expect(await editionsOf(slug)).toBe(2);
  });

  it.each([
    ["a student of the group", "FORBIDDEN notAllowed", () => student.actor],
    ["someone in no group", "NOT_FOUND sourceNotFound", () => outsider.actor],
    ["an anonymous caller", "NOT_FOUND sourceNotFound", () => null],
  ])("%s may not revise a group's source → %s", async (_who, expected, actor) => {
    const slug = await newSource();
    const input = revision(1, TEXT.replace("Lwowie", "Lwowie,"));
    expect(label(await outcome(() => publishRevision(actor(), slug, input, ADMINS)))).toBe(expected);
    expect(await editionsOf(slug)).toBe(1);
  });

  it("a public source: site administrators only", async () => {
    const admin = await createUser({ email: `admin-${uniqueKey()}@example.test` });
    const { slug } = await createSource(admin.actor, null, newSourceInput(TEXT), [admin.email]);
    const input = revision(1, TEXT.replace("Lwowie", "Lwowie,"));
    expect(label(await outcome(() => publishRevision(instructor.actor, slug, input, [admin.email])))).toBe(
      "FORBIDDEN notAllowed",
    );
    await expect(publishRevision(admin.actor, slug, input, [admin.email])).resolves.toMatchObject({
      editionNumber: 2,
    });
  });

  it("inserted and deleted sentences shift annotations exactly", async () => {
    const slug = await newSource();
    const first = await note(student, slug, TEXT, "budynku urzędu wojewódzkiego");
    const second = await note(student, slug, TEXT, "plan ewakuacji urzędów");
    const fourth = await note(assistant, slug, TEXT, "rozeszli się o północy");
    const fifth = await note(instructor, slug, TEXT, "sekretarz narady");
    const inserted = "Obecni byli przedstawiciele wszystkich ministerstw ewakuowanych ze stolicy.";
    const revised = [S[0], inserted, S[1], S[3], S[4]].join(" ");
    const published = await publishRevision(instructor.actor, slug, revision(1, revised), ADMINS);
    expect(published).toMatchObject({
      editionNumber: 2,
      counts: { EXACT: 1, MOVED: 3, FUZZY: 0, REVIEW: 0, ORPHAN: 0 },
    });
    const places = await shown(student.actor, slug);
    expect(places.get(first)).toBe("budynku urzędu wojewódzkiego");
    expect(places.get(second)).toBe("plan ewakuacji urzędów");
    expect(places.get(fourth)).toBe("rozeszli się o północy");
    expect(places.get(fifth)).toBe("sekretarz narady");
    // The note on the deleted sentence is an orphan, listed for review.
    const deleted = await note(student, slug, revised, "przedstawiciele wszystkich ministerstw", {
      edition: 2,
    });
    await publishRevision(instructor.actor, slug, revision(2, [S[0], S[1], S[3], S[4]].join(" ")), ADMINS);
    expect((await shown(student.actor, slug)).get(deleted)).toBe("orphan");
    const review = await findReviewItems(instructor.actor, group.id, slug);
    expect(review.items.map((i) => [i.annotationId, i.outcome, i.quote])).toEqual([
      [deleted, "ORPHAN", "przedstawiciele wszystkich ministerstw"],
    ]);
    // The annotations of edition 1 went through edition 2 into 3, still exact in place.
    expect((await shown(student.actor, slug)).get(second)).toBe("plan ewakuacji urzędów");
  });

  it("carries the editor's notes on unchanged passages into the new edition; one on a deleted sentence stays behind", async () => {
    const input = newSourceInput(TEXT, { titleEn: `Minutes ${uniqueKey()}` });
    input.draft.notes = [
      { at: TEXT.indexOf("raport o stanie"), body: "Raport nie zachował się." },
      { at: TEXT.indexOf("o północy"), body: "Czas lokalny." },
    ];
    const { slug } = await createSource(instructor.actor, group.id, input, ADMINS);
    const revised = [S[0], S[1], S[3], S[4]].join(" ");
    const published = await publishRevision(instructor.actor, slug, revision(1, revised), ADMINS);
    expect(published.editorialNotes).toEqual({ carried: 1, left: 1 });
    const latest = await getSourceReading(slug, student.actor);
    expect(latest.edition.number).toBe(2);
    const kept = latest.notes.map((n) => ({ number: n.number, sentence: n.firstSentence, body: n.body.pl }));
    // Now the first note ("a") of the new edition, on the sentence that is fourth no longer but third.
    expect(kept).toEqual([{ number: 1, sentence: 3, body: "Czas lokalny." }]);
    // The earlier edition keeps both, as they were.
    const first = await getSourceReading(slug, student.actor, 1);
    expect(first.notes).toHaveLength(2);
  });

  it("a rewritten passage yields orphans or review items, never a wrong anchor", async () => {
    const slug = await newSource();
    const rewritten = await note(student, slug, TEXT, "Wojewoda przedstawił raport o stanie dróg");
    const lightly = await note(student, slug, TEXT, "Zebrani rozeszli się o północy");
    const kept = await note(student, slug, TEXT, "Protokół spisał sekretarz");
    const newThird = "Starosta omówił przejezdność szos wiodących na Węgry i do Rumunii.";
    const newFourth = "Zebrani rozeszli się dopiero po północy, bez dalszych decyzji.";
    const revised = [S[0], S[1], newThird, newFourth, S[4]].join(" ");
    const { counts } = await publishRevision(instructor.actor, slug, revision(1, revised), ADMINS);
    expect(counts.EXACT + counts.MOVED).toBe(1);
    const places = await shown(student.actor, slug);
    expect(places.get(rewritten)).toBe("orphan");
    expect(places.get(kept)).toBe("Protokół spisał sekretarz");
    // Shown at all, only inside its own rewritten sentence.
    const light = places.get(lightly)!;
    expect(light === "orphan" || newFourth.includes(light)).toBe(true);
    const rows = await testDatabase().prisma.annotationPlacement.findMany({
      where: { annotationId: { in: [rewritten, lightly, kept] }, edition: { number: 2 } },
    });
    for (const row of rows) {
      if (row.start === null) continue;
      const at = revised.slice(row.start, row.end!);
      const own = { [rewritten]: newThird, [lightly]: newFourth, [kept]: S[4]! }[row.annotationId]!;
      expect(own.includes(at), `${row.outcome} "${at}"`).toBe(true);
    }
    const listed = (await findReviewItems(assistant.actor, group.id, slug)).items.map((i) => i.annotationId);
    expect(listed).toContain(rewritten);
    expect(listed).not.toContain(kept);
  });

  it("folds every new passage for search, as the database folds a single sentence", async () => {
    const slug = await newSource();
    await publishRevision(instructor.actor, slug, revision(1, `Wstęp: Śmigły. ${TEXT}`), ADMINS);
    const [counts] = await testDatabase().prisma.$queryRaw<{ wrong: bigint; folded: bigint }[]>`
      SELECT count(*) FILTER (WHERE p."searchText" IS DISTINCT FROM
               "search_fold"(substr(e."text", p."start" + 1, p."end" - p."start"))) AS wrong,
             count(*) FILTER (WHERE p."searchText" = ' wstep smigly ') AS folded
      FROM "Passage" p JOIN "Edition" e ON e."id" = p."editionId" JOIN "Source" s ON s."id" = e."sourceId"
      WHERE s."slug" = ${slug}`;
    expect({ wrong: Number(counts!.wrong), folded: Number(counts!.folded) }).toEqual({ wrong: 0, folded: 1 });
  });

  it("folds the passages of a long text, past the database's window and one passage longer than it", async () => {
    // 60,000 characters of Polish sentences with one of 9,000 characters (no full stop) inside: the
    // folding walks the text in windows of 8,192 characters.
    const many = Array.from({ length: 1000 }, (_, i) => `${S[i % S.length]!.slice(0, -1)} ${i}.`);
    const long = `${"Zażółć gęślą jaźń ".repeat(500).trim()}.`;
    const text = [...many.slice(0, 500), long, ...many.slice(500)].join(" ");
    const slug = await newSource(text);
    const [counts] = await testDatabase().prisma.$queryRaw<{ wrong: bigint; all: bigint; longest: number }[]>`
      SELECT count(*) FILTER (WHERE p."searchText" IS DISTINCT FROM
               "search_fold"(substr(e."text", p."start" + 1, p."end" - p."start"))) AS wrong,
             count(*) AS all, max(p."end" - p."start") AS longest
      FROM "Passage" p JOIN "Edition" e ON e."id" = p."editionId" JOIN "Source" s ON s."id" = e."sourceId"
      WHERE s."slug" = ${slug}`;
    expect({ wrong: Number(counts!.wrong), all: Number(counts!.all), longest: counts!.longest }).toEqual({
      wrong: 0,
      all: 1001,
      longest: long.length,
    });
  });

  it("the annotation keeps what it was written on", async () => {
    const slug = await newSource();
    const id = await note(student, slug, TEXT, "plan ewakuacji");
    const before = await testDatabase().prisma.annotation.findUniqueOrThrow({ where: { id } });
    await publishRevision(instructor.actor, slug, revision(1, `Wstęp. ${TEXT}`), ADMINS);
    const after = await testDatabase().prisma.annotation.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({
      editionId: before.editionId,
      positionStart: before.positionStart,
      quoteExact: before.quoteExact,
    });
  });
});

describe("reviewing what moved uncertainly", () => {
  let slug: string, orphan: string, privateNote: string, revised: string;

  beforeAll(async () => {
    slug = await newSource();
    orphan = await note(student, slug, TEXT, "Wojewoda przedstawił raport");
    privateNote = await note(student, slug, TEXT, "raport o stanie dróg", { visibility: "private" });
    revised = [S[0], S[1], S[3], S[4]].join(" ");
    await publishRevision(instructor.actor, slug, revision(1, revised), ADMINS);
  });

  const placementOf = async (annotationId: string) =>
    testDatabase().prisma.annotationPlacement.findFirstOrThrow({
      where: { annotationId, edition: { number: 2 } },
    });

  it("lists the group's orphans for its staff, never another member's private note", async () => {
    const { items } = await findReviewItems(instructor.actor, group.id, slug);
    expect(items.map((i) => i.annotationId)).toEqual([orphan]);
    expect(items[0]).toMatchObject({ quote: "Wojewoda przedstawił raport", writtenOn: 1, proposed: null });
  });

  it.each([
    ["a student", "FORBIDDEN notAllowed", () => student.actor],
    ["someone in no group", "NOT_FOUND groupNotFound", () => outsider.actor],
    ["an anonymous caller", "UNAUTHENTICATED signInRequired", () => null],
  ])("%s may neither see nor decide → %s", async (_who, expected, actor) => {
    const { id } = await placementOf(orphan);
    expect(label(await outcome(() => findReviewItems(actor(), group.id, slug)))).toBe(expected);
    expect(
      label(await outcome(() => reviewPlacement(actor(), group.id, slug, { op: "leave", placement: id }))),
    ).toBe(expected);
    expect((await placementOf(orphan)).decision).toBeNull();
  });

  it("refuses a private note's placement, a range out of the text, and confirming an orphan", async () => {
    const hidden = await placementOf(privateNote);
    const { id } = await placementOf(orphan);
    const cases: [unknown, string][] = [
      [{ op: "leave", placement: hidden.id }, "NOT_FOUND placementNotFound"],
      [{ op: "reattach", placement: id, first: 2, last: 99 }, "INVALID reattachRangeInvalid"],
      [{ op: "reattach", placement: id, first: 3, last: 2 }, "INVALID reattachRangeInvalid"],
      [{ op: "confirm", placement: id }, "INVALID placementNothingToConfirm"],
      [{ op: "reattach-words", placement: id, start: 5, end: 5 }, "INVALID reattachWordsInvalid"],
      [{ op: "reattach-words", placement: id, start: 0, end: 10 ** 7 }, "INVALID reattachWordsInvalid"],
      [{ op: "reattach-words", placement: id, start: "", end: "" }, "INVALID reattachWordsInvalid"],
    ];
    for (const [input, expected] of cases) {
      expect(label(await outcome(() => reviewPlacement(instructor.actor, group.id, slug, input)))).toBe(
        expected,
      );
    }
    expect((await placementOf(orphan)).decision).toBeNull();
    expect((await placementOf(privateNote)).decision).toBeNull();
  });

  it("offers the new text around where the orphan stood, and re-attaches it to words selected there", async () => {
    const { items } = await findReviewItems(instructor.actor, group.id, slug);
    const { around } = items[0]!;
    expect(revised.slice(around.start, around.start + around.text.length)).toBe(around.text);
    expect(around.text).toContain(S[3]);
    const { id } = await placementOf(orphan);
    // A selection as a text field reports it, with a space either side: the words alone are kept.
    const words = S[3]!.split(" ").slice(0, 3).join(" ");
    const at = revised.indexOf(words);
    await reviewPlacement(instructor.actor, group.id, slug, {
      op: "reattach-words",
      placement: id,
      start: String(at - 1),
      end: String(at + words.length + 1),
    });
    expect((await shown(student.actor, slug)).get(orphan)).toBe(words);
    expect((await findReviewItems(instructor.actor, group.id, slug)).items).toEqual([]);
  });

  it("re-attaching shows the note there to readers; leaving it keeps it an orphan, off the list", async () => {
    const { id } = await placementOf(orphan);
    await reviewPlacement(assistant.actor, group.id, slug, {
      op: "reattach",
      placement: id,
      first: 3,
      last: 3,
    });
    expect((await shown(student.actor, slug)).get(orphan)).toBe(S[3]);
    expect((await findReviewItems(instructor.actor, group.id, slug)).items).toEqual([]);
    await reviewPlacement(instructor.actor, group.id, slug, { op: "leave", placement: id });
    expect((await shown(student.actor, slug)).get(orphan)).toBe("orphan");
    expect((await findReviewItems(instructor.actor, group.id, slug)).items).toEqual([]);
    // The author still reads their private orphan, listed apart.
    expect((await shown(student.actor, slug)).get(privateNote)).toBe("orphan");
  });
});

describe("the reader's links", () => {
  it("offer revising and reviewing to the group's staff only", async () => {
    const slug = await newSource();
    const links = (user: TestUser | null) => findRevisionLinks(user?.actor ?? null, slug, null, ADMINS);
    expect(await links(assistant)).toEqual({ revise: true, reviewGroupId: group.id });
    for (const user of [student, outsider, null]) {
      expect(await links(user)).toEqual({ revise: false, reviewGroupId: null });
    }
  });
});

describe("every read path shows the stored placement", () => {
  it("the index and an edited note's view: an uncertain place stays an orphan until confirmed", async () => {
    const slug = await newSource();
    const id = await note(student, slug, TEXT, "Wojewoda przedstawił raport");
    const revised = [S[0], S[1], S[3], S[4]].join(" ");
    await publishRevision(instructor.actor, slug, revision(1, revised), ADMINS);
    // Staff's proposal, as if the revision had found it uncertainly: stored, not yet confirmed.
    const start = revised.indexOf("Zebrani");
    await testDatabase().prisma.annotationPlacement.updateMany({
      where: { annotationId: id },
      data: { outcome: "REVIEW", confidence: 0.6, start, end: start + 7 },
    });
    const indexed = async () =>
      (await listAnnotationIndex(student.actor, slug, group.id)).annotations.find((a) => a.id === id)!.anchor;
    const edit = {
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Nowa." }] }] },
    };
    expect(await indexed()).toEqual({ status: "orphan" });
    expect(((await updateAnnotation(student.actor, id, edit)) as { anchor: unknown }).anchor).toEqual({
      status: "orphan",
    });
    const { items } = await findReviewItems(instructor.actor, group.id, slug);
    await reviewPlacement(instructor.actor, group.id, slug, {
      op: "confirm",
      placement: items[0]!.placementId,
    });
    expect(await indexed()).toMatchObject({ status: "anchored", start, end: start + 7, firstSentence: 3 });
  });
});

describe("permalinks to an old edition", () => {
  it("still resolve, and show the passage in the latest edition where it is found", async () => {
    const slug = await newSource();
    const start = TEXT.indexOf("plan ewakuacji");
    const kept = await createPermalink(
      { source: slug, editionNumber: 1, start, end: start + 14 },
      student.actor,
    );
    const gone = TEXT.indexOf("Wojewoda");
    const lost = await createPermalink(
      { source: slug, editionNumber: 1, start: gone, end: gone + S[2]!.length },
      student.actor,
    );
    const revised = `Wstęp. ${[S[0], S[1], S[3], S[4]].join(" ")}`;
    await publishRevision(instructor.actor, slug, revision(1, revised), ADMINS);
    const found = await resolvePermalink(kept.id, student.actor);
    expect(found).toMatchObject({ pinned: { editionNumber: 1, quote: "plan ewakuacji" }, verified: true });
    expect(found).toMatchObject({ movedToNewer: true, shown: { editionNumber: 2 } });
    expect(revised.slice(found.shown.start, found.shown.end)).toBe("plan ewakuacji");
    const missing = await resolvePermalink(lost.id, student.actor);
    expect(missing).toMatchObject({ notInNewer: true, shown: { editionNumber: 1 }, verified: true });
  });
});
