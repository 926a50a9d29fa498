/**
 * `npm run db:make-migration -- <name>`: writes a new migration from the change to prisma/schema.prisma
 * since the last one, without any database. `--check` (CI): exits 1 if the schema and the migrations
 * disagree, printing the SQL a migration would need.
 */
import { diffSchemaSinceLastMigration, makeMigration } from "../db/make-migration.ts";

const args = process.argv.slice(2);
if (args.includes("--check")) {
  const sql = await diffSchemaSinceLastMigration();
  if (sql) {
    console.error(
      "prisma/schema.prisma has changes that no migration holds. Run `npm run db:make-migration -- <name>`.\n",
    );
    console.error(sql);
    process.exit(1);
  }
  console.log("Migrations match prisma/schema.prisma.");
} else {
  const name = args[0];
  if (!name || !/^[a-z0-9_]+$/.test(name)) {
    console.error("Usage: npm run db:make-migration -- <name in snake_case>");
    process.exit(2);
  }
  const dir = await makeMigration(name);
  console.log(
    dir
      ? `Wrote prisma/migrations/${dir}/migration.sql`
      : "No change to prisma/schema.prisma since the last migration.",
  );
}
process.exit(process.exitCode ?? 0);
