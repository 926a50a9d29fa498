import { beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { readMigrationDirectories } from "@/lib/db/migrations";
import { testDatabase, type TestDatabase } from "../support/test-database";

describe("migrations on an empty database", () => {
  let database: TestDatabase;
  beforeAll(() => {
    database = testDatabase();
  });

  it("records every migration folder in Prisma's own table, as migrate deploy would", async () => {
    const folders = (await readMigrationDirectories()).map((m) => m.name);
    const rows = await database.query<{ migration_name: string; finished_at: Date | null }>(
      `SELECT migration_name, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(folders);
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("creates the reader's tables", async () => {
    const rows = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(["Edition", "Passage", "Source", "Translation", "TranslationSentence"]),
    );
  });

  it("applies nothing the second time", async () => {
    expect(await applyMigrations(database.connectionString)).toEqual([]);
  });

  it("enforces one edition number per source", async () => {
    const source = await database.prisma.source.create({
      data: {
        slug: "unique-edition-check",
        titlePl: "t",
        titleEn: "t",
        aboutPl: "a",
        aboutEn: "a",
        kind: "PRIMARY",
        language: "pl",
        date: "1939-09-17",
        placePl: "p",
        placeEn: "p",
        issuerPl: "i",
        issuerEn: "i",
        publicationEn: "p",
        licenceEn: "l",
      },
    });
    await database.prisma.edition.create({
      data: { sourceId: source.id, number: 1, contentHash: "x", text: "A." },
    });
    await expect(
      database.prisma.edition.create({
        data: { sourceId: source.id, number: 1, contentHash: "y", text: "B." },
      }),
    ).rejects.toThrow();
  });
});
