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
  glossaPrismaReads?: { $disconnect(): Promise<void> };
  glossaRateLimitPool?: { end(): Promise<void> };
  glossaAnnotationHub?: unknown;
};
// Clients made for the previous file in this worker point at its (dropped) database.
delete globals.glossaPrisma;
delete globals.glossaPrismaReads;
delete globals.glossaRateLimitPool;
delete globals.glossaAnnotationHub;

const database = await createTestDatabase();
globals.glossaTestDatabase = database;
process.env.DATABASE_URL = database.connectionString;
// The embedded database serves one app instance: live changes stay in the process (as `npm start` sets).
process.env.GLOSSA_EMBEDDED_DATABASE = database.embedded ? "1" : "";

afterAll(async () => {
  // Reads a change set off in the background (lib/annotations/index/tier-states.ts) end first.
  await (await import("@/lib/annotations/index/tier-states")).backgroundReadsDone();
  // The app's client (lib/db) too: an idle connection left open would be cut by the drop below.
  await globals.glossaPrisma?.$disconnect();
  delete globals.glossaPrisma;
  await globals.glossaPrismaReads?.$disconnect();
  delete globals.glossaPrismaReads;
  // The rate limiters' pool (lib/http/rate-limit.ts): closed before its database is dropped.
  await globals.glossaRateLimitPool?.end();
  delete globals.glossaRateLimitPool;
  // The connection listening for other instances' annotation changes: closed, and not made again.
  await (await import("@/lib/live/annotation-changes")).stopListening();
  delete globals.glossaAnnotationHub;
  await database.drop();
});
