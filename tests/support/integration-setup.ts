/**
 * Runs before every integration test file: gives the file a fresh, migrated database of its own (see
 * createTestDatabase) and points the app's modules at it through DATABASE_URL, before any of them is
 * imported. Tests reach it as `testDatabase()`.
 */
import { afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "./test-database";

const globals = globalThis as unknown as {
  glossaTestDatabase?: TestDatabase;
  glossaPrisma?: { $disconnect(): Promise<void> };
  glossaRateLimitPool?: { end(): Promise<void> };
};
// Clients made for the previous file in this worker point at its (dropped) database.
delete globals.glossaPrisma;
delete globals.glossaRateLimitPool;

const database = await createTestDatabase();
globals.glossaTestDatabase = database;
process.env.DATABASE_URL = database.connectionString;

afterAll(async () => {
  // The app's client (lib/db) too: an idle connection left open would be cut by the drop below.
  await globals.glossaPrisma?.$disconnect();
  delete globals.glossaPrisma;
  // The rate limiters' pool (lib/http/rate-limit.ts): closed before its database is dropped.
  await globals.glossaRateLimitPool?.end();
  delete globals.glossaRateLimitPool;
  await database.drop();
});
