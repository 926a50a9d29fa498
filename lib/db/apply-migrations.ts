import { readFile } from "node:fs/promises";
import path from "node:path";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { LOCKFILE_NAME, MIGRATIONS_DIR, SCHEMA_PATH, readMigrationDirectories } from "./migrations.ts";
import { loadSchemaEngine } from "./schema-engine.ts";

/**
 * Applies prisma/migrations/* that the database has not seen, in order, recording them in Prisma's
 * `_prisma_migrations` table exactly as `prisma migrate deploy` does. Returns the names it applied.
 * The engine may keep its lock connection open a few seconds after: a script should exit explicitly.
 */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const { engine, close } = await loadSchemaEngine({ schemaPath: SCHEMA_PATH, connectionString });
  try {
    return await applyWith(engine);
  } finally {
    await close();
  }
}

async function applyWith(engine: SchemaEngine): Promise<string[]> {
  const migrations = await readMigrationDirectories();
  const result = await engine.applyMigrations({
    migrationsList: {
      baseDir: MIGRATIONS_DIR,
      lockfile: {
        path: LOCKFILE_NAME,
        content: await readFile(path.join(MIGRATIONS_DIR, LOCKFILE_NAME), "utf8"),
      },
      shadowDbInitScript: "",
      migrationDirectories: migrations.map((m) => ({
        path: m.name,
        migrationFile: { path: "migration.sql", content: { tag: "ok", value: m.sql } },
      })),
    },
    filters: { externalTables: [], externalEnums: [] },
  });
  return result.appliedMigrationNames;
}
