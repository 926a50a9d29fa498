import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

export interface TestDatabase {
  connectionString: string;
  /** An embedded PostgreSQL (PGlite), not a database on a PostgreSQL server. */
  embedded: boolean;
  prisma: PrismaClient;
  /** Runs raw SQL (for assertions that look under Prisma). */
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database of its own for one test file. With TEST_DATABASE_URL or DATABASE_URL set
 * (CI: a real PostgreSQL server) it creates a database with a random name on that server and drops it
 * afterwards; otherwise it starts an in-memory embedded PostgreSQL (PGlite).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  // Read once per worker: integration-setup.ts later points DATABASE_URL at the file's own database.
  process.env.GLOSSA_TEST_SERVER_URL ??= process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? "";
  const serverUrl = process.env.GLOSSA_TEST_SERVER_URL;
  let connectionString: string;
  let dispose: () => Promise<void>;
  if (serverUrl) {
    const name = `glossa_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    connectionString = url.toString();
    dispose = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    const embedded = await startEmbeddedPostgres();
    connectionString = embedded.connectionString;
    dispose = () => embedded.stop();
  }
  await applyMigrations(connectionString);
  const prisma = createPrismaClient({ connectionString, poolMax: 2 });
  const pool = new pg.Pool({ connectionString, max: 1 });
  // pool.end() resolves before its connections have closed, so the drop can still cut one; pg-pool
  // then emits "error" on the pool, which without a listener is an uncaught exception.
  pool.on("error", () => {});
  return {
    connectionString,
    embedded: !serverUrl,
    prisma,
    async query(sql, params) {
      return (await pool.query(sql, params)).rows;
    },
    async drop() {
      await prisma.$disconnect();
      await pool.end();
      await dispose();
    },
  };
}

/** The database integration-setup.ts made for the running test file. */
export function testDatabase(): TestDatabase {
  const database = (globalThis as unknown as { glossaTestDatabase?: TestDatabase }).glossaTestDatabase;
  if (!database)
    throw new Error("testDatabase() is for integration tests (tests/support/integration-setup.ts)");
  return database;
}
