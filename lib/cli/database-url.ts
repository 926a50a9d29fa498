import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env.ts";

/** Where `npm start` leaves the address of the embedded database while it runs. */
export function embeddedUrlFile(dataDir: string): string {
  return `${path.resolve(dataDir)}.url`;
}

/**
 * The database a command-line script works on: DATABASE_URL, else the embedded database of a running
 * `npm start` (only one process may open its data directory, so scripts connect to the running one).
 * Exits with a clear message when there is neither.
 */
export function requireDatabaseUrl(command: string): string {
  if (env.DATABASE_URL) return env.DATABASE_URL;
  try {
    return readFileSync(embeddedUrlFile(env.GLOSSA_DATA_DIR), "utf8").trim();
  } catch {
    console.error(
      `${command} needs a database: set DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/glossa), or run it while \`npm start\` is running on the embedded database.`,
    );
    process.exit(2);
  }
}
