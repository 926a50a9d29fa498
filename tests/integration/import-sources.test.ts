import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { importSources } from "@/lib/sources/import-sources";
import { SourceFileError } from "@/lib/sources/source-file-error";
import { testDatabase, type TestDatabase } from "../support/test-database";

const SHIPPED_SOURCES = path.resolve(import.meta.dirname, "../../sources");
const TABLES = ["Source", "Edition", "Passage", "Translation", "TranslationSentence", "EditorialNote"];

describe("importing the sources folder", () => {
  let database: TestDatabase;
  let root: string;

  /** Every row of every table, in a stable order: equal snapshots mean nothing changed. */
  async function snapshot() {
    const tables: Record<string, unknown[]> = {};
    for (const table of TABLES) tables[table] = await database.query(`SELECT * FROM "${table}" ORDER BY id`);
    return tables;
  }

  beforeAll(() => {
    database = testDatabase();
  });
  beforeEach(async () => {
    await database.query(`TRUNCATE "Source" CASCADE`);
    root = path.join(await mkdtemp(path.join(tmpdir(), "glossa-sources-")), "sources");
    await cp(SHIPPED_SOURCES, root, { recursive: true });
  });
  afterEach(async () => {
    await rm(path.dirname(root), { recursive: true, force: true });
  });

  it("loads the five built-in sources with their sentences and aligned translations", async () => {
    await importSources(database.prisma, root);
    const sources = await database.prisma.source.findMany({
      orderBy: { slug: "asc" },
      include: { editions: { include: { passages: true, translations: { include: { sentences: true } } } } },
    });
    expect(sources.map((s) => s.slug)).toEqual([
      "kuty-directive",
      "moscicki-address",
      "pact-summary",
      "secret-protocol",
      "soviet-note",
    ]);
    const kuty = sources[0]!;
    expect(kuty.titlePl).toBe("Dyrektywa z Kut");
    expect(kuty.editions).toHaveLength(1);
    const edition = kuty.editions[0]!;
    expect(edition.number).toBe(1);
    expect(edition.passages).toHaveLength(6);
    const third = edition.passages.find((p) => p.number === 3)!;
    expect(edition.text.slice(third.start, third.end)).toMatch(
      /^Brak formalnego .* ok\. 250 tys\. żołnierzy .* oporu\.$/u,
    );
    expect(edition.translations[0]!.sentences).toHaveLength(6);
  });

  it("changes nothing when run a second time", async () => {
    await importSources(database.prisma, root);
    const before = await snapshot();
    const report = await importSources(database.prisma, root);
    expect(
      report.sources.every((s) => s.source === "unchanged" && !s.editionCreated && !s.translationCreated),
    ).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("turns changed text into a new edition and leaves the old one untouched", async () => {
    await importSources(database.prisma, root);
    const first = await database.prisma.edition.findFirstOrThrow({
      where: { source: { slug: "pact-summary" } },
      include: { passages: { orderBy: { number: "asc" } } },
    });
    const textFile = path.join(root, "pact-summary", "text.pl.txt");
    await writeFile(
      textFile,
      (await readFile(textFile, "utf8")).replace("duże znaczenie", "ogromne znaczenie"),
    );
    const report = await importSources(database.prisma, root);

    expect(report.sources.find((s) => s.slug === "pact-summary")).toMatchObject({
      edition: 2,
      editionCreated: true,
    });
    const editions = await database.prisma.edition.findMany({
      where: { source: { slug: "pact-summary" } },
      orderBy: { number: "asc" },
      include: { passages: { orderBy: { number: "asc" } }, translations: true },
    });
    expect(editions.map((e) => e.number)).toEqual([1, 2]);
    expect(editions[0]).toEqual({ ...first, translations: expect.any(Array) });
    expect(editions[1]!.text).toContain("ogromne znaczenie");
    expect(editions[1]!.translations).toHaveLength(1);
    expect(report.sources.filter((s) => s.editionCreated)).toHaveLength(1);
  });

  it("the database refuses to change an edition's text, by SQL or through Prisma, and allows other updates", async () => {
    await importSources(database.prisma, root);
    const edition = await database.prisma.edition.findFirstOrThrow({
      where: { source: { slug: "kuty-directive" } },
    });
    await expect(
      database.query(`UPDATE "Edition" SET "text" = "text" || ' (zmienione)' WHERE id = $1`, [edition.id]),
    ).rejects.toThrow(/immutable/u);
    await expect(
      database.prisma.edition.update({ where: { id: edition.id }, data: { contentHash: "0".repeat(64) } }),
    ).rejects.toThrow(/immutable/u);
    // Setting the same text again changes nothing, and is allowed.
    await database.query(`UPDATE "Edition" SET "text" = "text", "createdAt" = now() WHERE id = $1`, [
      edition.id,
    ]);
    const after = await database.prisma.edition.findUniqueOrThrow({ where: { id: edition.id } });
    expect(after.text).toBe(edition.text);
    expect(after.contentHash).toBe(edition.contentHash);
  });

  it("imports the citation metadata: short titles, the sentence-style title, signatories, both languages", async () => {
    await importSources(database.prisma, root);
    const note = await database.prisma.source.findUniqueOrThrow({ where: { slug: "soviet-note" } });
    expect(note).toMatchObject({
      titleShortPl: "Nota ZSRR",
      titleShortEn: "Soviet Note",
      titleEnSentence: "The Soviet note of 17 September 1939",
      issuerRole: "SIGNATORIES",
      issuerEn: "Vyacheslav Molotov, People's Commissar for Foreign Affairs of the USSR",
      licencePl: "Rozpowszechniany z Glossą jako część zamówionego przez nią tekstu źródłowego",
    });
    expect(note.publicationPl).toMatch(/^Tekst źródłowy Glossy, część 3/u);
  });

  it("imports a revised translation into a database holding the old one, updating no edition row", async () => {
    // The database as the first import left it: the first edition of the working translation.
    const translationFile = path.join(root, "soviet-note", "translation.en.txt");
    const metadataFile = path.join(root, "soviet-note", "source.yaml");
    const revised = await readFile(translationFile, "utf8");
    const revisedMetadata = await readFile(metadataFile, "utf8");
    await writeFile(
      translationFile,
      revised.replace("just as hostilities were beginning.", "when hostilities had already begun."),
    );
    await writeFile(
      metadataFile,
      revisedMetadata.replace(/(label: Glossa working translation\n)[^]*$/u, "$1"),
    );
    await importSources(database.prisma, root);
    const editionsBefore = await database.query(`SELECT * FROM "Edition" ORDER BY id`);
    const passagesBefore = await database.query(`SELECT * FROM "Passage" ORDER BY id`);
    // Editions are immutable: refuse any update of one, as the database of a later release does.
    await database.query(`CREATE FUNCTION refuse_edition_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'edition % is immutable', OLD.id; END $$`);
    await database.query(
      `CREATE TRIGGER refuse_edition_update BEFORE UPDATE ON "Edition" FOR EACH ROW EXECUTE FUNCTION refuse_edition_update()`,
    );
    try {
      await writeFile(translationFile, revised);
      await writeFile(metadataFile, revisedMetadata);
      const report = await importSources(database.prisma, root);

      expect(report.sources.find((s) => s.slug === "soviet-note")).toMatchObject({
        edition: 1,
        editionCreated: false,
        translationCreated: true,
      });
      expect(report.sources.filter((s) => s.translationCreated).map((s) => s.slug)).toEqual(["soviet-note"]);
      expect(await database.query(`SELECT * FROM "Edition" ORDER BY id`)).toEqual(editionsBefore);
      expect(await database.query(`SELECT * FROM "Passage" ORDER BY id`)).toEqual(passagesBefore);
      const translations = await database.prisma.translation.findMany({
        where: { edition: { source: { slug: "soviet-note" } } },
        orderBy: { number: "asc" },
        include: { sentences: { where: { number: 4 } } },
      });
      expect(
        translations.map((t) => [t.number, t.revision, t.revisedByEn, t.revisedOn, t.sentences[0]!.text]),
      ).toEqual([
        [
          1,
          null,
          null,
          null,
          "Potemkin presented the note to the ambassador when hostilities had already begun.",
        ],
        [
          2,
          2,
          "Glossa's editors, after a historian's review",
          "2026-12-05",
          "Potemkin presented the note to the ambassador just as hostilities were beginning.",
        ],
      ]);
      // The reader shows the newest translation of the edition.
      const { getSourceReading } = await import("@/lib/sources/get-source-reading");
      const reading = await getSourceReading("soviet-note", null);
      expect(reading.translation).toMatchObject({ number: 2, revision: 2, revisedOn: "2026-12-05" });
      expect(reading.translation!.sentences[3]!.text).toBe(
        "Potemkin presented the note to the ambassador just as hostilities were beginning.",
      );
    } finally {
      await database.query(`DROP TRIGGER refuse_edition_update ON "Edition"`);
      await database.query(`DROP FUNCTION refuse_edition_update()`);
    }
  });

  it("imports the editor's notes with their edition, and replaces them when notes.yaml changes", async () => {
    await importSources(database.prisma, root);
    const notesOf = (slug: string) =>
      database.prisma.editorialNote.findMany({
        where: { edition: { source: { slug } } },
        orderBy: { number: "asc" },
        select: { number: true, key: true, firstSentence: true, lastSentence: true, start: true, end: true },
      });
    const kuty = await notesOf("kuty-directive");
    expect(kuty.map((n) => [n.number, n.key, n.firstSentence])).toEqual([
      [1, "stray-spaces", 1],
      [2, "omitted-sentence", 2],
      [3, "burial-places", 5],
    ]);
    const edition = await database.prisma.edition.findFirstOrThrow({
      where: { source: { slug: "kuty-directive" } },
    });
    expect(edition.text.slice(kuty[0]!.start, kuty[0]!.end)).toBe("Rydz- Śmigły");
    expect((await notesOf("secret-protocol")).map((n) => n.key)).toEqual([
      "zone-or-boundary",
      "no-military-undertaking",
    ]);
    expect(await notesOf("soviet-note")).toEqual([]);

    const notesFile = path.join(root, "kuty-directive", "notes.yaml");
    await writeFile(notesFile, (await readFile(notesFile, "utf8")).replace("sentences: 5", "sentences: 4-5"));
    const report = await importSources(database.prisma, root);
    expect(report.sources.filter((s) => s.notesChanged).map((s) => s.slug)).toEqual(["kuty-directive"]);
    expect(report.sources.every((s) => !s.editionCreated && !s.translationCreated)).toBe(true);
    expect((await notesOf("kuty-directive"))[2]).toMatchObject({
      key: "burial-places",
      firstSentence: 4,
      lastSentence: 5,
    });
  });

  it.each([
    {
      name: "a YAML syntax error",
      file: "soviet-note/source.yaml",
      edit: (text: string) => text.replace("kind: summary", "kind: summary: oops"),
      message: /^sources\/soviet-note\/source\.yaml:3: not valid YAML/,
    },
    {
      name: "a missing required field",
      file: "kuty-directive/source.yaml",
      edit: (text: string) => text.replace(/^licence:\n( {2}.*\n)+/m, ""),
      message: /^sources\/kuty-directive\/source\.yaml:\d+: licence: /,
    },
    {
      name: "an impossible date",
      file: "kuty-directive/source.yaml",
      edit: (text: string) => text.replace('date: "1939-09-17"', 'date: "1939-09-31"'),
      message: /^sources\/kuty-directive\/source\.yaml:18: date: is not a real calendar date$/,
    },
    {
      name: "a translation with a sentence too many",
      file: "pact-summary/translation.en.txt",
      edit: (text: string) => `${text}One sentence too many.\n`,
      message: /^sources\/pact-summary\/translation\.en\.txt:5: has 5 sentences but the text has 4/,
    },
    {
      name: "an editor's note on a sentence the text does not have",
      file: "kuty-directive/notes.yaml",
      edit: (text: string) => text.replace("sentences: 5", "sentences: 7"),
      message:
        /^sources\/kuty-directive\/notes\.yaml:\d+: the text has sentences 1–6; "7" is not among them$/,
    },
    {
      name: "an editor's note quoting words its sentence does not have",
      file: "secret-protocol/notes.yaml",
      edit: (text: string) => text.replace("quote: strefa ta", "quote: granica ta"),
      message: /^sources\/secret-protocol\/notes\.yaml:\d+: the quote is not in these sentences$/,
    },
    {
      name: "a blank line in a translation",
      file: "moscicki-address/translation.en.txt",
      edit: (text: string) => text.replace("\n", "\n\n"),
      message: /^sources\/moscicki-address\/translation\.en\.txt:2: blank line/,
    },
  ])("refuses $name, naming the file and line, and changes nothing", async ({ file, edit, message }) => {
    await importSources(database.prisma, root);
    const before = await snapshot();
    // A valid change elsewhere must not be half-applied when another file is broken.
    const pact = path.join(root, "pact-summary", "text.pl.txt");
    await writeFile(pact, (await readFile(pact, "utf8")).replace("duże", "wielkie"));
    await writeFile(path.join(root, file), edit(await readFile(path.join(root, file), "utf8")));

    const error = await importSources(database.prisma, root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFileError);
    expect((error as Error).message).toMatch(message);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a source folder whose metadata file is missing", async () => {
    await rm(path.join(root, "kuty-directive", "source.yaml"));
    await expect(importSources(database.prisma, root)).rejects.toThrow(
      "sources/kuty-directive/source.yaml:0: file is missing",
    );
    expect(await database.prisma.source.count()).toBe(0);
  });

  it("refuses a text file that is not UTF-8", async () => {
    await writeFile(
      path.join(root, "kuty-directive", "text.pl.txt"),
      Buffer.from([0x41, 0x0a, 0x42, 0xff, 0x0a]),
    );
    await expect(importSources(database.prisma, root)).rejects.toThrow(
      "sources/kuty-directive/text.pl.txt:2: is not valid UTF-8",
    );
  });
});
