/** `npm run sources:import [folder]`: imports the sources folder (default ./sources) into DATABASE_URL. */
import path from "node:path";
import { createPrismaClient } from "../db/create-prisma-client.ts";
import { importSources } from "../sources/import-sources.ts";
import { SourceFileError } from "../sources/source-file-error.ts";
import { requireDatabaseUrl } from "./database-url.ts";
import { formatImportReport } from "../sources/format-import-report.ts";

const root = path.resolve(process.argv[2] ?? "sources");
const prisma = createPrismaClient({ connectionString: requireDatabaseUrl("sources:import"), poolMax: 1 });
try {
  console.log(formatImportReport(await importSources(prisma, root)));
} catch (error) {
  if (!(error instanceof SourceFileError)) throw error;
  console.error(`Import failed, nothing was changed:\n  ${error.message}`);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
