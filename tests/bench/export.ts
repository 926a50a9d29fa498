/**
 * `npm run bench:export`: a group's export of 10,000 annotations (and their replies) on one source,
 * as JSON-LD and CSV, as the group's instructor over HTTP against the production build: the time to
 * the first byte and to the last, the file's size, and the server's peak memory while it streams
 * (RSS of the app's process group, sampled every 20 ms, above what it held just before). For scale,
 * the same for the whole annotation list of the source (`GET /api/sources/{slug}/annotations`, built
 * in memory as one JSON answer). Three runs of each after one warm-up; the median time and the
 * largest peak are printed. RSS moves with the garbage collector's whims, so with BENCH_DATABASE_URL
 * the same exports are also made in this process (the service, no HTTP), its live heap measured
 * after a forced collection every few chunks while a file streams, against the same file held whole:
 * a stream holds a batch, not the file. BENCH_PORT (default 3295); BENCH_DATABASE_URL for a
 * PostgreSQL server (then the database's memory is not the app's), else the embedded database in
 * the app's process. Run with --expose-gc and the react-server condition (the npm script does).
 */
import { execFileSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { openBenchApp } from "./bench-app.ts";
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";
import { signInThroughApi } from "./sign-in.ts";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3295);
const slug = "soviet-note";
const ANNOTATIONS = 10_000;
const RUNS = 3;
/** How often the server's memory is looked at while a file streams. */
const SAMPLE_MS = 20;

/** RSS (MiB) of a process group's processes. */
function rssOf(pgid: number): number {
  const out = execFileSync("ps", ["-o", "pgid=,rss=", "-e"], { encoding: "utf8" });
  let kb = 0;
  for (const line of out.trim().split("\n")) {
    const [group, rss] = line.trim().split(/\s+/u).map(Number);
    if (group === pgid) kb += rss ?? 0;
  }
  return kb / 1024;
}

interface Run {
  firstByteMs: number;
  totalMs: number;
  bytes: number;
  peakDeltaMiB: number;
}

await buildIfStale(root);
const serverUrl = process.env.BENCH_DATABASE_URL;
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
  const instructor = await prisma.user.findUniqueOrThrow({
    where: { email: seeded.instructor.email },
    select: { id: true, currentGroupId: true },
  });
  await prisma.$disconnect();
  const cookie = await signInThroughApi(origin, seeded.instructor.email, seeded.instructor.password);
  if (!cookie) throw new Error("signing in as the instructor failed");
  const headers = { cookie: `${cookie.name}=${cookie.value}` };

  /** One download, read to the end and thrown away as it comes, with the server's memory sampled. */
  const download = async (apiPath: string): Promise<Run> => {
    const baseline = rssOf(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), SAMPLE_MS);
    const started = performance.now();
    try {
      const response = await fetch(`${origin}${apiPath}`, { headers });
      if (response.status !== 200 || !response.body)
        throw new Error(`${apiPath} answered ${response.status}`);
      const reader = response.body.getReader();
      let firstByteMs = 0;
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += value.byteLength;
      }
      const totalMs = performance.now() - started;
      peak = Math.max(peak, rssOf(pid));
      return { firstByteMs, totalMs, bytes, peakDeltaMiB: peak - baseline };
    } finally {
      clearInterval(sampler);
    }
  };
  const measure = async (title: string, apiPath: string) => {
    await download(apiPath);
    const runs: Run[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await download(apiPath));
    const median = (pick: (run: Run) => number) =>
      runs.map(pick).sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
    const peak = Math.max(...runs.map((run) => run.peakDeltaMiB));
    return `    ${title}: ${(runs[0]!.bytes / 1024 / 1024).toFixed(1)} MiB; first byte ${median((r) => r.firstByteMs).toFixed(0)} ms, whole file ${median((r) => r.totalMs).toFixed(0)} ms (median of ${RUNS}); server RSS peak +${peak.toFixed(0)} MiB over ${rssOf(pid).toFixed(0)} MiB`;
  };
  const exportPath = `/api/exports/groups/${instructor.currentGroupId}`;
  const lines = [
    await measure("export as JSON-LD", `${exportPath}?format=jsonld&locale=en`),
    await measure("export as CSV", `${exportPath}?format=csv&locale=en`),
    await measure(
      "for scale: the whole annotation list (one JSON answer)",
      `/api/sources/${slug}/annotations`,
    ),
  ];
  const inProcess = serverUrl
    ? await liveHeap(server.databaseUrl, instructor.id, instructor.currentGroupId!)
    : [];
  console.log(`
Glossa exports (${new Date().toISOString()}, ${process.version}, load average ${loadavg()[0]!.toFixed(2)}, ${serverUrl ? "PostgreSQL at BENCH_DATABASE_URL" : "embedded database, in the app's process"})
  a group's export: ${seeded.annotations} threads and ${seeded.replies} replies on ${slug}, as its instructor:
${lines.join("\n")}
${inProcess.length > 0 ? `  the same exports in this process (the service alone), live heap after a forced collection:\n${inProcess.join("\n")}` : "  (set BENCH_DATABASE_URL for the in-process heap figures)"}
`);
} finally {
  await app.close();
}

/**
 * The exports made in this process, read to the end: time, and the live heap and buffers (after a
 * forced collection every 5 chunks) above what they were before, streamed and with the file kept whole.
 */
async function liveHeap(databaseUrl: string, userId: string, groupId: string): Promise<string[]> {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error("run with --expose-gc (npm run bench:export does)");
  // The app's clients (lib/db) on the bench's database: `env` was read before its URL was known.
  const client = createPrismaClient({ connectionString: databaseUrl, poolMax: 4 });
  Object.assign(globalThis, { glossaPrisma: client, glossaPrismaReads: client });
  // The service's parts (next-intl's own module does not load outside Next under this condition):
  // what streamExport does, with the file's words given as they are.
  const { openExport } = await import("../../lib/export/open-export.ts");
  const { readExportThreads } = await import("../../lib/export/read-export-threads.ts");
  const { exportStream, exportWriter } = await import("../../lib/export/export-writer.ts");
  const { exportLinks } = await import("../../lib/export/export-links.ts");
  const { dbReads } = await import("../../lib/db/index.ts");
  const { ANNOTATION_CSV_COLUMNS } = await import("../../lib/export/annotation-csv.ts");
  const labels = {
    title: "Notes",
    csvHeaders: [...ANNOTATION_CSV_COLUMNS],
    markdown: {
      kind: (kind: string) => kind,
      sentences: (span: string) => span,
      reply: "Reply",
      replyTo: "In reply to",
      tags: "Tags",
      deleted: "Deleted",
      openInReader: "open",
    },
  };
  const streamExport = async (format: "jsonld" | "csv") => {
    const scope = await openExport({ userId }, { kind: "group", groupId });
    const url = "http://127.0.0.1/api/exports/groups/x";
    const writer = exportWriter(format, { url, links: exportLinks("en", undefined), labels });
    return { body: exportStream(writer, readExportThreads(dbReads, scope, "en")) };
  };
  // The heap and the bytes of ArrayBuffers (the chunks), which the heap does not count.
  const live = () => {
    const usage = process.memoryUsage();
    return usage.heapUsed + usage.arrayBuffers;
  };
  const lines: string[] = [];
  for (const format of ["jsonld", "csv"] as const) {
    for (const keep of [false, true]) {
      collect();
      const before = live();
      const started = performance.now();
      const file = await streamExport(format);
      const reader = file.body.getReader();
      const kept: Uint8Array[] = [];
      let chunks = 0;
      let bytes = 0;
      let peak = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        if (keep) kept.push(value);
        if (++chunks % 5 === 0) {
          collect();
          peak = Math.max(peak, live() - before);
        }
      }
      const ms = performance.now() - started;
      collect();
      peak = Math.max(peak, live() - before);
      lines.push(
        `    ${format}, ${keep ? "kept whole" : "streamed"}: ${(bytes / 1024 / 1024).toFixed(1)} MiB in ${ms.toFixed(0)} ms; live heap peak +${(peak / 1024 / 1024).toFixed(1)} MiB`,
      );
    }
  }
  await client.$disconnect();
  return lines;
}
