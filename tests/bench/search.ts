/**
 * `npm run bench:search`: search over a source with 20,000 annotations (and their replies) by a
 * seminar of 30 students, as the group's instructor, who reads them all: median and p95 of the
 * search service (the database's work and the snippets, no HTTP) over 40 sequential searches after 5
 * warm-up ones, for a common word, a rare inflected one typed without diacritics, a phrase, two
 * words, a word with a filter, and page 5 of a common word. BENCH_DATABASE_URL names a PostgreSQL
 * server (a scratch database is made on it and dropped), else the embedded database (PGlite) runs
 * in memory. Run with the react-server condition (the npm script does), so server modules load.
 * BENCH_SEARCH_ANNOTATIONS sets the annotations (default 20,000) and BENCH_SEARCH_SOURCE_CHARS adds a
 * generated public source of that many characters to the five (default none): the figure is
 * `BENCH_SEARCH_ANNOTATIONS=100000 BENCH_SEARCH_SOURCE_CHARS=500000`.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { applyMigrations } from "../../lib/db/apply-migrations.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { importSources } from "../../lib/sources/import-sources.ts";
import { percentile } from "./measure-http.ts";
import { seedLargeSource } from "./seed-large-source.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";

const root = path.resolve(import.meta.dirname, "../..");
const ANNOTATIONS = Number(process.env.BENCH_SEARCH_ANNOTATIONS ?? 20_000);
const SOURCE_CHARS = Number(process.env.BENCH_SEARCH_SOURCE_CHARS ?? 0);
const WARM_UP = 5;
const RUNS = 40;

const QUERIES: [string, Record<string, string>][] = [
  ["common word", { q: "note" }],
  ["inflected, no diacritics", { q: "Grzybowski" }],
  ["phrase", { q: '"the legal argument"' }],
  ["two words", { q: "ambassador refusal" }],
  ["word + tag filter", { q: "source", tag: "diplomacy" }],
  ["common word, page 5", { q: "note", type: "notes", page: "5" }],
  ["no match", { q: "zyxwvut" }],
];

const serverUrl = process.env.BENCH_DATABASE_URL;
let scratch: ScratchDatabase | null = null;
let embedded: EmbeddedPostgres | null = null;
try {
  if (serverUrl) scratch = await createScratchDatabase(serverUrl);
  else embedded = await startEmbeddedPostgres();
  const connectionString = scratch?.connectionString ?? embedded!.connectionString;
  await applyMigrations(connectionString);
  const prisma = createPrismaClient({ connectionString, poolMax: 2 });
  await importSources(prisma, path.join(root, "sources"));
  const large = SOURCE_CHARS > 0 ? await seedLargeSource(prisma, "large-document", SOURCE_CHARS) : null;
  const library = await prisma.edition.aggregate({ _count: true });
  const characters = (
    await prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT coalesce(sum(length("text")), 0)::bigint AS n FROM "Edition"`
  )[0]!.n;
  const seeded = await seedAnnotations(prisma, {
    sourceSlug: "soviet-note",
    ...BENCH_SEMINAR,
    annotations: ANNOTATIONS,
  });
  // A table that grew to this size over a term has been analyzed by autovacuum; one seeded a moment
  // ago has not, and the planner would take a common word for a rare one.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Annotation"');
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Passage"');
  const instructor = await prisma.user.findUniqueOrThrow({
    where: { email: seeded.instructor.email },
    select: { id: true },
  });
  await prisma.$disconnect();

  // The app's modules read DATABASE_URL when first used.
  process.env.DATABASE_URL = connectionString;
  if (embedded) process.env.GLOSSA_EMBEDDED_DATABASE = "1";
  const { searchLibrary } = await import("../../lib/search/search-library.ts");
  const { SearchInputSchema } = await import("../../lib/search/schema.ts");
  const actor = { userId: instructor.id };

  console.log(
    `search: ${seeded.annotations} annotations and ${seeded.replies} replies on soviet-note, ` +
      `${serverUrl ? "PostgreSQL server" : "embedded PGlite"}, load average ${loadavg()[0]!.toFixed(2)}; ` +
      `sources: ${library._count} editions, ${characters} characters` +
      (large ? ` (a generated one of ${large.characters} characters, ${large.passages} passages)` : ""),
  );
  console.log("query                          median    p95   notes found  passages found");
  const all: number[] = [];
  for (const [name, query] of QUERIES) {
    const input = SearchInputSchema.parse(query);
    const times: number[] = [];
    let found = { notes: 0, passages: 0 };
    for (let i = 0; i < WARM_UP + RUNS; i++) {
      const started = performance.now();
      const results = await searchLibrary(actor, input);
      const ms = performance.now() - started;
      found = { notes: results.notes.total, passages: results.passages.total };
      if (i >= WARM_UP) times.push(ms);
    }
    times.sort((a, b) => a - b);
    all.push(...times);
    console.log(
      `${name.padEnd(28)} ${percentile(times, 50).toFixed(1).padStart(6)} ms ${percentile(times, 95).toFixed(1).padStart(6)} ms ` +
        `${String(found.notes).padStart(8)} ${String(found.passages).padStart(12)}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `${"all searches".padEnd(28)} ${percentile(all, 50).toFixed(1).padStart(6)} ms ${percentile(all, 95).toFixed(1).padStart(6)} ms`,
  );
  const { db } = await import("../../lib/db/index.ts");
  await db.$disconnect();
} finally {
  // BENCH_KEEP_DATABASE=1 keeps the scratch database, to look at the queries' plans afterwards.
  if (scratch && process.env.BENCH_KEEP_DATABASE === "1") console.log(`kept: ${scratch.connectionString}`);
  else await scratch?.drop();
  await embedded?.stop();
}
process.exit(0);
