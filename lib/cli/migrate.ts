/** `npm run db:migrate`: applies pending migrations to DATABASE_URL. */
import { applyMigrations } from "../db/apply-migrations.ts";
import { requireDatabaseUrl } from "./database-url.ts";

const applied = await applyMigrations(requireDatabaseUrl("db:migrate"));
console.log(applied.length ? `Applied ${applied.join(", ")}` : "The database is up to date.");
process.exit(0);
