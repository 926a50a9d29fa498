import pg from "pg";

/** How long to wait for a database that is still starting (e.g. in docker compose). */
const WAIT_MS = 60_000;
const RETRY_MS = 1_000;

/** Resolves once `connectionString` accepts a query; throws with the last error after a minute. */
export async function waitForDatabase(connectionString: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const client = new pg.Client({ connectionString });
    try {
      await client.connect();
      await client.query("SELECT 1");
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(
          `The database at DATABASE_URL did not answer within ${WAIT_MS / 1000} s: ${String(error)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    } finally {
      await client.end().catch(() => {});
    }
  }
}
