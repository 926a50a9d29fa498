import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Where the schema and its migrations live, in Prisma's own layout. */
export const PRISMA_DIR = path.resolve(import.meta.dirname, "../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
/** The schema as it stood when the last migration was made: the base of the next migration's diff. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, ".schema-at-last-migration.prisma");
export const LOCKFILE_NAME = "migration_lock.toml";

export interface MigrationDirectory {
  name: string;
  sql: string;
}

/** The migration folders in order (their names start with a UTC timestamp). */
export async function readMigrationDirectories(dir = MIGRATIONS_DIR): Promise<MigrationDirectory[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({ name, sql: await readFile(path.join(dir, name, "migration.sql"), "utf8") })),
  );
}
