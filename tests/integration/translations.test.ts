/**
 * Attaching a translation to a source in the app (lib/sources/attach-translation.ts): who may, that
 * the aligned sentences are saved one per passage of the latest edition and shown by the reader (the
 * newest translation) and found by search, that it can be revised (the form starts from it) and
 * removed, and that every refusal saves nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { publishRevision } from "@/lib/revisions/publish-revision";
import { SearchInputSchema } from "@/lib/search/schema";
import { searchLibrary } from "@/lib/search/search-library";
import {
  alignmentOfSentences,
  alignTranslation,
  insertEmptySegment,
  joinSegments,
  segmentNotes,
  segmentTexts,
  splitSegment,
  type TranslationAlignment,
} from "@/lib/sources/align-translation";
import { attachTranslation } from "@/lib/sources/attach-translation";
import { canAddTranslation } from "@/lib/sources/can-add-translation";
import { createSource } from "@/lib/sources/create-source";
import { draftFromPlainText } from "@/lib/sources/draft-from-plain-text";
import { getSourceReading } from "@/lib/sources/get-source-reading";
import { getTranslationToRevise } from "@/lib/sources/get-translation-to-revise";
import { previewTranslation } from "@/lib/sources/preview-translation";
import { removeTranslation } from "@/lib/sources/remove-translation";
import { getSourceText } from "@/lib/sources/get-source-text";
import { buildTei } from "@/lib/texts/build-tei";
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
const ORIGINAL =
  "Narada odbyła się we Lwowie. Ustalono plan ewakuacji urzędów. Zebrani rozeszli się o północy.";
const ENGLISH =
  "The meeting was held in Lviv. An evacuation plan was agreed. Those present left at midnight.";
/** An English translation in TEI, one sentence too many, with three notes (two in its last sentence). */
const TEI_TRANSLATION =
  '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Meeting</title></titleStmt>' +
  "<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body>" +
  "<p><s>The meeting was held.</s> <s>It was in Lviv.<note>In the town hall.</note></s> " +
  "<s>An evacuation plan was agreed.</s> " +
  "<s>Those present left at midnight.<note>Or later.</note><note>Some stayed.</note></s></p></body></text></TEI>";

let instructor: TestUser, assistant: TestUser, student: TestUser, otherInstructor: TestUser;
let group: TestGroup;

beforeAll(async () => {
  [instructor, assistant, student, otherInstructor] = await Promise.all([
    createUser(),
    createUser(),
    createUser(),
    createUser(),
  ]);
  group = await createGroupWith({ instructor, tas: [assistant], students: [student] });
  await createGroupWith({ instructor: otherInstructor });
});

/** TEI_TRANSLATION read into an alignment for `slug`, by the instructor. */
function readTeiTranslation(slug: string) {
  return previewTranslation(
    instructor.actor,
    slug,
    { op: "read", format: "tei", text: TEI_TRANSLATION },
    ADMINS,
  );
}

async function newSource(text = ORIGINAL) {
  const { slug } = await createSource(instructor.actor, group.id, newSourceInput(text), ADMINS);
  return slug;
}

const alignmentOf = (text: string): TranslationAlignment => {
  const draft = draftFromPlainText(text, false);
  return alignTranslation(draft.text, draft.sentences);
};

const translationInput = (alignment: TranslationAlignment, overrides: Record<string, unknown> = {}) => ({
  language: "en",
  label: `English ${uniqueKey()}`,
  translator: "J. Smith",
  edition: "1",
  alignment: JSON.stringify(alignment),
  ...overrides,
});

const translationsOf = (slug: string) =>
  testDatabase().prisma.translation.count({ where: { edition: { source: { slug } } } });

describe("who may attach a translation", () => {
  it.each([
    ["the group's instructor", "ok", () => instructor.actor],
    ["the group's teaching assistant", "ok", () => assistant.actor],
    ["a student of the group", "FORBIDDEN notAllowed", () => student.actor],
    ["an instructor of another group", "NOT_FOUND sourceNotFound", () => otherInstructor.actor],
    ["an anonymous caller", "NOT_FOUND sourceNotFound", () => null],
  ])("to a group's source: %s → %s, and nothing is saved when refused", async (_who, expected, actor) => {
    const slug = await newSource();
    const result = await outcome(() =>
      attachTranslation(actor(), slug, translationInput(alignmentOf(ENGLISH)), ADMINS),
    );
    expect(label(result)).toBe(expected);
    expect(await translationsOf(slug)).toBe(expected === "ok" ? 1 : 0);
    expect(await canAddTranslation(actor(), slug, ADMINS)).toBe(expected === "ok");
  });

  it("to a public source: site administrators only", async () => {
    const admin = await createUser({ email: `admin-${uniqueKey()}@example.test` });
    const { slug } = await createSource(admin.actor, null, newSourceInput(ORIGINAL), [admin.email]);
    const input = translationInput(alignmentOf(ENGLISH));
    expect(label(await outcome(() => attachTranslation(instructor.actor, slug, input, [admin.email])))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => attachTranslation(admin.actor, slug, input, [admin.email])))).toBe("ok");
  });
});

describe("attaching a translation", () => {
  it("saves one translation sentence per passage, which the reader shows beside the original", async () => {
    const slug = await newSource();
    const attached = await attachTranslation(
      instructor.actor,
      slug,
      translationInput(alignmentOf(ENGLISH)),
      ADMINS,
    );
    expect(attached).toMatchObject({ slug, number: 1, sentences: 3 });
    const reading = await getSourceReading(slug, student.actor);
    expect(reading.translation?.language).toBe("en");
    expect(reading.translation?.sentences).toEqual([
      { number: 1, text: "The meeting was held in Lviv." },
      { number: 2, text: "An evacuation plan was agreed." },
      { number: 3, text: "Those present left at midnight." },
    ]);
  });

  it("gives a second translation the next number, and the reader and search show the newest", async () => {
    const slug = await newSource();
    await attachTranslation(instructor.actor, slug, translationInput(alignmentOf(ENGLISH)), ADMINS);
    const german =
      "Die Sitzung fand in Lemberg statt. Ein Räumungsplan wurde beschlossen. Alle gingen um Mitternacht.";
    const second = await attachTranslation(
      instructor.actor,
      slug,
      translationInput(alignmentOf(german), { language: "de" }),
      ADMINS,
    );
    expect(second.number).toBe(2);
    const reading = await getSourceReading(slug, student.actor);
    expect(reading.translation?.language).toBe("de");
    expect(reading.translation?.sentences[1]?.text).toBe("Ein Räumungsplan wurde beschlossen.");
    const found = async (q: string, actor: Actor) =>
      (await searchLibrary(actor, SearchInputSchema.parse({ q, type: "passages" }))).passages.items.some(
        (p) => p.source.slug === slug && p.translation !== null,
      );
    expect(await found("Räumungsplan", student.actor)).toBe(true);
    expect(await found("Räumungsplan", otherInstructor.actor)).toBe(false);
  });

  it("keeps a TEI translation's notes, each beside the translation sentence it stands in", async () => {
    const slug = await newSource();
    const read = await readTeiTranslation(slug);
    expect(read.segments).toHaveLength(4);
    expect(read.notes?.map((note) => note.body)).toEqual(["In the town hall.", "Or later.", "Some stayed."]);
    // Corrected through the form (the alignment goes to the browser and back as JSON): the first
    // two segments joined, so the third and fourth pair with sentences 2 and 3.
    const joined = await previewTranslation(
      instructor.actor,
      slug,
      { op: "join", alignment: JSON.stringify(read), index: "0" },
      ADMINS,
    );
    const attached = await attachTranslation(instructor.actor, slug, translationInput(joined), ADMINS);
    expect(attached).toMatchObject({ sentences: 3, notes: 3 });
    const { translation } = await getSourceReading(slug, student.actor);
    expect(translation?.sentences[0]?.text).toBe("The meeting was held. It was in Lviv.");
    expect(translation?.notes).toEqual([
      { number: 1, sentence: 1, body: "In the town hall." },
      { number: 2, sentence: 3, body: "Or later." },
      { number: 3, sentence: 3, body: "Some stayed." },
    ]);
    // Read as the translation's sentences are: not by anyone outside the group.
    expect((await outcome(() => getSourceReading(slug, otherInstructor.actor))).outcome).toBe("NOT_FOUND");
    const plain = await previewTranslation(
      instructor.actor,
      slug,
      { op: "read", format: "text", text: ENGLISH },
      ADMINS,
    );
    expect(plain.notes).toEqual([]);
  });

  it("refuses a TEI translation with a note over the limit when it is read", async () => {
    const slug = await newSource();
    const tei = TEI_TRANSLATION.replace("Or later.", "x".repeat(4001));
    expect(
      label(
        await outcome(() =>
          previewTranslation(instructor.actor, slug, { op: "read", format: "tei", text: tei }, ADMINS),
        ),
      ),
    ).toBe("INVALID translationNotesTooLarge");
  });

  it("keeps the notes through a revision that corrects the pairing, and removes them with the translation", async () => {
    const slug = await newSource();
    const read = await readTeiTranslation(slug);
    await attachTranslation(instructor.actor, slug, translationInput(joinSegments(read, 0)), ADMINS);
    const { translation } = await getTranslationToRevise(assistant.actor, slug, ADMINS);
    const { values, alignment } = translation!;
    expect(segmentNotes(alignment).map((notes) => notes.length)).toEqual([1, 0, 2]);
    const unchanged = { ...values, edition: "1", alignment: JSON.stringify(alignment) };
    expect(label(await outcome(() => attachTranslation(assistant.actor, slug, unchanged, ADMINS)))).toBe(
      "INVALID translationUnchanged",
    );
    // Split after "held." ("lines" format: the text field is the alignment's own text).
    const split = splitSegment(alignment, 0, 4)!;
    await attachTranslation(
      assistant.actor,
      slug,
      { ...unchanged, alignment: JSON.stringify(joinSegments(split, 1)) },
      ADMINS,
    );
    const revised = await getSourceReading(slug, student.actor);
    expect(revised.translation?.number).toBe(2);
    expect(revised.translation?.notes.map(({ sentence, body }) => [sentence, body])).toEqual([
      [2, "In the town hall."],
      [3, "Or later."],
      [3, "Some stayed."],
    ]);
    // Read again in the "lines" format, the text has no notes: the revision saved from it has none.
    const lines = await previewTranslation(
      assistant.actor,
      slug,
      { op: "read", format: "lines", text: values.text },
      ADMINS,
    );
    expect(lines.notes).toBeUndefined();
    // Read again with the alignment the form held, the notes of the lines left as they were stay
    // with them; a changed line's are left out, a line inserted before moves the others along.
    const readAgain = (text: string) =>
      previewTranslation(
        assistant.actor,
        slug,
        { op: "read", format: "lines", text, previous: JSON.stringify(alignment) },
        ADMINS,
      );
    const bodies = (read: TranslationAlignment) =>
      segmentNotes(read).map((notes) => notes.map((note) => note.body));
    expect(bodies(await readAgain(values.text))).toEqual(bodies(alignment));
    const [first, second, third] = values.text.split("\n");
    expect(bodies(await readAgain([first, second, `${third} Changed.`].join("\n")))).toEqual([
      ["In the town hall."],
      [],
      [],
    ]);
    expect(bodies(await readAgain(["A new line.", first, second, third].join("\n")))).toEqual([
      [],
      ["In the town hall."],
      [],
      ["Or later.", "Some stayed."],
    ]);

    const notesOf = () =>
      testDatabase().prisma.translationNote.count({
        where: { translation: { edition: { source: { slug } } } },
      });
    expect(await notesOf()).toBe(6);
    await removeTranslation(instructor.actor, slug, { edition: "1", number: "2" }, ADMINS);
    expect(await notesOf()).toBe(3);
  });

  it("aligns a translation with one sentence too many once two segments are joined", async () => {
    const slug = await newSource();
    const longer =
      "The meeting was held. It was in Lviv. An evacuation plan was agreed. Those present left at midnight.";
    const read = await previewTranslation(
      instructor.actor,
      slug,
      { op: "read", format: "text", text: longer },
      ADMINS,
    );
    expect(read.segments).toHaveLength(4);
    expect(
      label(await outcome(() => attachTranslation(instructor.actor, slug, translationInput(read), ADMINS))),
    ).toBe("INVALID translationAlignmentSurplus");
    const joined = await previewTranslation(
      instructor.actor,
      slug,
      { op: "join", alignment: JSON.stringify(read), index: "0" },
      ADMINS,
    );
    await attachTranslation(instructor.actor, slug, translationInput(joined), ADMINS);
    const reading = await getSourceReading(slug, student.actor);
    expect(reading.translation?.sentences.map((s) => s.text)).toEqual([
      "The meeting was held. It was in Lviv.",
      "An evacuation plan was agreed.",
      "Those present left at midnight.",
    ]);
  });

  it("saves an explicit empty segment as an empty translation sentence", async () => {
    const slug = await newSource();
    const two = alignmentOf("The meeting was held in Lviv. Those present left at midnight.");
    await attachTranslation(instructor.actor, slug, translationInput(insertEmptySegment(two, 1)), ADMINS);
    const reading = await getSourceReading(slug, student.actor);
    expect(reading.translation?.sentences.map((s) => s.text)).toEqual([
      "The meeting was held in Lviv.",
      "",
      "Those present left at midnight.",
    ]);
  });

  it("attaches to the latest edition, and refuses an alignment made against an older one", async () => {
    const slug = await newSource();
    await publishRevision(
      instructor.actor,
      slug,
      { edition: 1, draft: draftFromPlainText(ORIGINAL.replace("Lwowie", "Lwowie, w urzędzie"), false) },
      ADMINS,
    );
    expect(
      label(
        await outcome(() =>
          attachTranslation(instructor.actor, slug, translationInput(alignmentOf(ENGLISH)), ADMINS),
        ),
      ),
    ).toBe("CONFLICT translationStale");
    await attachTranslation(
      instructor.actor,
      slug,
      translationInput(alignmentOf(ENGLISH), { edition: "2" }),
      ADMINS,
    );
    const reading = await getSourceReading(slug, student.actor);
    expect(reading.edition.number).toBe(2);
    expect(reading.translation?.sentences).toHaveLength(3);
  });
});

describe("refusing bad input, with nothing saved", () => {
  const cases: [string, (a: TranslationAlignment) => Record<string, unknown>, string][] = [
    [
      "the original's language",
      (a) => translationInput(a, { language: "pl-PL" }),
      "INVALID translationSameLanguage",
    ],
    [
      "the original's own text",
      () => translationInput(alignmentOf(ORIGINAL)),
      "INVALID translationSameAsOriginal",
    ],
    [
      "an alignment missing a sentence",
      (a) => translationInput(joinSegments(a, 0)),
      "INVALID translationAlignmentIncomplete",
    ],
    [
      "a sentence too many",
      (a) => translationInput(insertEmptySegment(a, 3)),
      "INVALID translationAlignmentSurplus",
    ],
    ["no label", (a) => translationInput(a, { label: "  " }), "INVALID translationLabelRequired"],
    [
      "a language that is no code",
      (a) => translationInput(a, { language: "English" }),
      "INVALID sourceLanguageInvalid",
    ],
    [
      "a tampered alignment",
      (a) => translationInput(a, { alignment: JSON.stringify({ ...a, segments: [{ start: 0, end: 3 }] }) }),
      "INVALID alignmentInvalid",
    ],
    [
      "an alignment that is no JSON",
      (a) => translationInput(a, { alignment: "{" }),
      "INVALID alignmentInvalid",
    ],
  ];
  it.each(cases)("refuses %s", async (_what, input, expected) => {
    const slug = await newSource();
    const result = await outcome(() =>
      attachTranslation(instructor.actor, slug, input(alignmentOf(ENGLISH)), ADMINS),
    );
    expect(label(result)).toBe(expected);
    expect(await translationsOf(slug)).toBe(0);
  });

  it.each([
    ["an empty text", { op: "read", format: "text", text: " \n " }, "INVALID sourceTextEmpty"],
    [
      "a text over the size limit",
      { op: "read", format: "text", text: "a".repeat(500_001) },
      "INVALID sourceTooLong",
    ],
    [
      "a binary file",
      { op: "read", format: "text", text: "", file: { name: "t.txt", bytes: new Uint8Array([65, 0, 66]) } },
      "INVALID sourceFileBinary",
    ],
    [
      "a file that is not UTF-8",
      {
        op: "read",
        format: "text",
        text: "",
        file: { name: "t.txt", bytes: new Uint8Array([0x5a, 0xb3, 0x6f]) },
      },
      "INVALID sourceFileNotUtf8",
    ],
  ])("refuses to read %s into an alignment", async (_what, step, expected) => {
    const slug = await newSource();
    expect(label(await outcome(() => previewTranslation(instructor.actor, slug, step, ADMINS)))).toBe(
      expected,
    );
  });

  it("refuses a student's and another group's preview as the save is refused", async () => {
    const slug = await newSource();
    const step = { op: "read", format: "text", text: ENGLISH };
    expect(label(await outcome(() => previewTranslation(student.actor, slug, step, ADMINS)))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => previewTranslation(otherInstructor.actor, slug, step, ADMINS)))).toBe(
      "NOT_FOUND sourceNotFound",
    );
  });
});

describe("the translation as readers see it", () => {
  it("shows a translation attached in the app with its own label and translator, in the reader and in TEI", async () => {
    const slug = await newSource();
    await attachTranslation(
      instructor.actor,
      slug,
      translationInput(alignmentOf(ENGLISH), { label: "English translation (seminar, 2026)" }),
      ADMINS,
    );
    const { translation } = await getSourceReading(slug, student.actor);
    expect(translation).toMatchObject({
      addedInApp: true,
      label: "English translation (seminar, 2026)",
      translator: "J. Smith",
      revisedBy: null,
    });
    const tei = buildTei(await getSourceText(slug, student.actor));
    expect(tei).toContain('<resp xml:lang="en">translated by</resp>');
    expect(tei).toContain("<name>J. Smith</name>");
    expect(tei).not.toContain("working translation");
  });
});

describe("revising a translation", () => {
  it("starts the form from the translation shown, which saves as it is once one sentence is corrected", async () => {
    const slug = await newSource();
    await attachTranslation(instructor.actor, slug, translationInput(alignmentOf(ENGLISH)), ADMINS);
    const { translation } = await getTranslationToRevise(assistant.actor, slug, ADMINS);
    expect(translation).toMatchObject({ edition: 1, number: 1, addedInApp: true });
    expect(translation?.values).toMatchObject({ language: "en", translator: "J. Smith" });
    const { values, alignment } = translation!;
    const unchanged = { ...values, edition: "1", alignment: JSON.stringify(alignment) };
    expect(label(await outcome(() => attachTranslation(assistant.actor, slug, unchanged, ADMINS)))).toBe(
      "INVALID translationUnchanged",
    );
    // One word corrected in the text field: saved before it is read again, the correction would be
    // left out, so it is refused; read again ("lines": each line stays one segment), it saves.
    const text = values.text.replace("was agreed", "was adopted");
    expect(
      label(await outcome(() => attachTranslation(assistant.actor, slug, { ...unchanged, text }, ADMINS))),
    ).toBe("INVALID translationTextNotRead");
    const read = await previewTranslation(
      assistant.actor,
      slug,
      { op: "read", format: "lines", text },
      ADMINS,
    );
    expect(read).toEqual(
      alignmentOfSentences(segmentTexts(alignment).map((line) => line.replace("was agreed", "was adopted"))),
    );
    const saved = await attachTranslation(
      assistant.actor,
      slug,
      { ...unchanged, text, alignment: JSON.stringify(read) },
      ADMINS,
    );
    expect(saved.number).toBe(2);
    const reading = await getSourceReading(slug, student.actor);
    expect(reading.translation?.number).toBe(2);
    expect(reading.translation?.sentences.map((s) => s.text)).toEqual([
      "The meeting was held in Lviv.",
      "An evacuation plan was adopted.",
      "Those present left at midnight.",
    ]);
  });

  it("offers an earlier edition's translation, with its empty sentences, once the text was revised", async () => {
    const slug = await newSource();
    await attachTranslation(
      instructor.actor,
      slug,
      translationInput(insertEmptySegment(joinSegments(alignmentOf(ENGLISH), 1), 1)),
      ADMINS,
    );
    await publishRevision(
      instructor.actor,
      slug,
      { edition: 1, draft: draftFromPlainText(ORIGINAL.replace("Lwowie", "Lwowie, w urzędzie"), false) },
      ADMINS,
    );
    expect((await getSourceReading(slug, student.actor)).translation).toBeNull();
    const { translation } = await getTranslationToRevise(instructor.actor, slug, ADMINS);
    expect(translation?.edition).toBe(1);
    expect(segmentTexts(translation!.alignment)).toEqual([
      "The meeting was held in Lviv.",
      "",
      "An evacuation plan was agreed. Those present left at midnight.",
    ]);
    expect(label(await outcome(() => getTranslationToRevise(student.actor, slug, ADMINS)))).toBe(
      "FORBIDDEN notAllowed",
    );
    expect(label(await outcome(() => getTranslationToRevise(otherInstructor.actor, slug, ADMINS)))).toBe(
      "NOT_FOUND sourceNotFound",
    );
  });
});

describe("removing a translation", () => {
  it("lets the library's staff remove one, and the reader shows the one attached before it", async () => {
    const slug = await newSource();
    await attachTranslation(instructor.actor, slug, translationInput(alignmentOf(ENGLISH)), ADMINS);
    const german =
      "Die Sitzung fand in Lemberg statt. Ein Räumungsplan wurde beschlossen. Alle gingen um Mitternacht.";
    await attachTranslation(
      instructor.actor,
      slug,
      translationInput(alignmentOf(german), { language: "de" }),
      ADMINS,
    );
    const remove = (actor: Actor, input: unknown) =>
      outcome(() => removeTranslation(actor, slug, input, ADMINS));
    expect(label(await remove(student.actor, { edition: "1", number: "2" }))).toBe("FORBIDDEN notAllowed");
    expect(label(await remove(otherInstructor.actor, { edition: "1", number: "2" }))).toBe(
      "NOT_FOUND sourceNotFound",
    );
    expect(label(await remove(null, { edition: "1", number: "2" }))).toBe("NOT_FOUND sourceNotFound");
    expect(await translationsOf(slug)).toBe(2);

    expect(label(await remove(assistant.actor, { edition: "1", number: "2" }))).toBe("ok");
    expect((await getSourceReading(slug, student.actor)).translation?.language).toBe("en");
    expect(label(await remove(assistant.actor, { edition: "1", number: "2" }))).toBe(
      "NOT_FOUND translationNotFound",
    );
    expect(label(await remove(instructor.actor, { edition: "1", number: "1" }))).toBe("ok");
    expect((await getSourceReading(slug, student.actor)).translation).toBeNull();
  });

  it.each([
    ["no such edition", { edition: "7", number: "1" }, "NOT_FOUND translationNotFound"],
    ["a number that is none", { edition: "1", number: "x" }, "INVALID translationNotFound"],
    [
      "a number past the integer column",
      { edition: "1", number: "2147483648" },
      "INVALID translationNotFound",
    ],
    ["a form that is no object", "edition=1", "INVALID formInvalid"],
  ])("refuses %s, removing nothing", async (_what, input, expected) => {
    const slug = await newSource();
    await attachTranslation(instructor.actor, slug, translationInput(alignmentOf(ENGLISH)), ADMINS);
    expect(label(await outcome(() => removeTranslation(instructor.actor, slug, input, ADMINS)))).toBe(
      expected,
    );
    expect(await translationsOf(slug)).toBe(1);
  });

  it("never removes the working translation that comes with the source from its folder", async () => {
    const slug = await newSource();
    const edition = await testDatabase().prisma.edition.findFirstOrThrow({
      where: { source: { slug } },
      select: { id: true },
    });
    await testDatabase().prisma.translation.create({
      data: {
        editionId: edition.id,
        language: "en",
        number: 1,
        label: "Glossa working translation",
        contentHash: "0".repeat(64),
        revision: 1,
      },
    });
    expect(
      label(
        await outcome(() => removeTranslation(instructor.actor, slug, { edition: 1, number: 1 }, ADMINS)),
      ),
    ).toBe("FORBIDDEN translationBuiltIn");
    expect(await translationsOf(slug)).toBe(1);
  });
});
