import { startEmbeddedPostgres } from "./embedded-postgres.ts";

/**
 * Runs `work` with a connection string to a throw-away in-memory PostgreSQL (PGlite). The schema
 * engine needs a live connection even for offline diffs; this gives it one without any server.
 */
export async function withScratchDatabase<T>(work: (connectionString: string) => Promise<T>): Promise<T> {
  const scratch = await startEmbeddedPostgres();
  try {
    return await work(scratch.connectionString);
  } finally {
    await scratch.stop();
  }
}
