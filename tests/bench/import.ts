/**
 * `npm run bench:import`: importing a seminar's notes. A group's export of IMPORT_ANNOTATIONS
 * (default 5,000) threads on one source with their replies, as JSON-LD over HTTP, imported by its
 * instructor into their personal notes (`POST /api/imports`), then the same file again (nothing
 * added): the time of each, the file's size, the report's figures (placed, orphans, duplicates), and
 * the server's RSS before and after. Against the production build; BENCH_DATABASE_URL for a
 * PostgreSQL server (a new database, dropped afterwards), else the embedded database. Figures, not a
 * test. Free ports unless BENCH_PORT.
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import type { ImportReport } from "../../lib/import/import-report.ts";
import { freePorts } from "../support/free-ports.ts";
import { openBenchApp } from "./bench-app.ts";
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";
import { signInThroughApi } from "./sign-in.ts";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : (await freePorts(1))[0]!;
const slug = "soviet-note";
const ANNOTATIONS = Number(process.env.IMPORT_ANNOTATIONS ?? 5_000);

function rssOf(pgid: number): number {
  const out = execFileSync("ps", ["-o", "pgid=,rss=", "-e"], { encoding: "utf8" });
  let kb = 0;
  for (const line of out.trim().split("\n")) {
    const [group, rss] = line.trim().split(/\s+/u).map(Number);
    if (group === pgid) kb += rss ?? 0;
  }
  return kb / 1024;
}

await buildIfStale(root);
const app = await openBenchApp({ root, port, readyPath: `/en/sources/${slug}` });
try {
  const { server } = app;
  const { origin, pid } = server;
  const prisma = createPrismaClient({ connectionString: server.databaseUrl, poolMax: 1 });
  const seeded = await seedAnnotations(prisma, {
    sourceSlug: slug,
    ...BENCH_SEMINAR,
    annotations: ANNOTATIONS,
  });
  const group = await prisma.group.findFirstOrThrow({ select: { id: true } });
  await prisma.$disconnect();
  const cookie = await signInThroughApi(origin, seeded.instructor.email, seeded.instructor.password);
  if (!cookie) throw new Error("signing in as the instructor failed");
  const headers = { cookie: `${cookie.name}=${cookie.value}`, origin };

  const exported = await (
    await fetch(`${origin}/api/exports/groups/${group.id}?format=jsonld`, { headers })
  ).text();
  const entries = (JSON.parse(exported) as { total: number }).total;
  console.log(
    `Import (${new Date().toISOString()}, load ${loadavg()[0]!.toFixed(2)}): a group's export of ${ANNOTATIONS} threads ` +
      `(${entries} annotations and replies, ${(exported.length / 1024 / 1024).toFixed(1)} MB) into the instructor's personal notes`,
  );
  for (const label of ["first import", "same file again"]) {
    const before = rssOf(pid);
    const started = performance.now();
    const response = await fetch(`${origin}/api/imports?into=mine&locale=en`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/ld+json" },
      body: exported,
    });
    const report = (await response.json()) as ImportReport;
    if (!response.ok) throw new Error(`import answered ${response.status}: ${JSON.stringify(report)}`);
    const ms = performance.now() - started;
    console.log(
      `  ${label}: ${response.status} in ${(ms / 1000).toFixed(2)} s; imported ${report.imported} threads and ${report.replies} replies ` +
        `(exact ${report.placed.exact}, moved ${report.placed.moved}, fuzzy ${report.placed.fuzzy}), ` +
        `${report.orphans.length} without a place, ${report.duplicates} imported before, ${report.rejected.length} not imported; ` +
        `RSS ${before.toFixed(0)} → ${rssOf(pid).toFixed(0)} MiB`,
    );
  }
} finally {
  await app.close();
}
process.exit(0);
