import { env } from "../env.ts";

/** The DATABASE_URL a command-line script needs, or a clear exit. */
export function requireDatabaseUrl(command: string): string {
  if (!env.DATABASE_URL) {
    console.error(
      `${command} needs DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/glossa). \`npm start\` sets it up for you.`,
    );
    process.exit(2);
  }
  return env.DATABASE_URL;
}
