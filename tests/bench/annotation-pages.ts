/**
 * `npm run bench:pages`: the annotation list in pages (`?limit=…&after=…`) against the whole list, on
 * the data of `npm run bench:annotations` (5,000 threads and their replies on one source, by a
 * seminar group of 30 students), as the group's instructor: median and p95 over 50 sequential
 * requests after 5 warm-up ones, and the size of each response, for the first page and a page from
 * the middle (after 2,500 threads) at 50 and 200 threads, and for the whole list; then one client's
 * walk through every page of 200 following `next`. Same server set-up as bench:annotations
 * (BENCH_PORT, default 3292; BENCH_DATABASE_URL for a PostgreSQL server, else the embedded database).
 */
import { loadavg } from "node:os";
import path from "node:path";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { openBenchApp } from "./bench-app.ts";
import { percentile } from "./measure-http.ts";
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";
import { signInThroughApi } from "./sign-in.ts";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3292);
const slug = "soviet-note";
const listPath = `/api/sources/${slug}/annotations`;
const WARM_UP = 5;
const REQUESTS = 50;

interface Page {
  annotations: unknown[];
  next: string | null;
}

await buildIfStale(root);
const serverUrl = process.env.BENCH_DATABASE_URL;
const app = await openBenchApp({ root, port, readyPath: `/en/sources/${slug}` });
try {
  const { server } = app;
  const { origin } = server;
  const prisma = createPrismaClient({ connectionString: server.databaseUrl, poolMax: 1 });
  const seeded = await seedAnnotations(prisma, { sourceSlug: slug, ...BENCH_SEMINAR });
  await prisma.$disconnect();
  const cookie = await signInThroughApi(origin, seeded.instructor.email, seeded.instructor.password);
  if (!cookie) throw new Error("signing in as the instructor failed");
  const headers = { cookie: `${cookie.name}=${cookie.value}` };

  const get = async (apiPath: string) => {
    const started = performance.now();
    const response = await fetch(`${origin}${apiPath}`, { headers });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${apiPath} answered ${response.status}`);
    return { ms, body };
  };
  const measure = async (title: string, apiPath: string) => {
    for (let i = 0; i < WARM_UP; i++) await get(apiPath);
    const samples: number[] = [];
    let body = Buffer.alloc(0);
    for (let i = 0; i < REQUESTS; i++) {
      const sample = await get(apiPath);
      samples.push(sample.ms);
      body = sample.body;
    }
    samples.sort((a, b) => a - b);
    const threads = (JSON.parse(body.toString("utf8")) as Page).annotations.length;
    return `    ${title}: median ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms; ${threads} threads, ${(body.length / 1024).toFixed(1)} kB`;
  };
  /** The cursor after the first `threads` threads (walked with pages of 200). */
  const cursorAfter = async (threads: number) => {
    let after: string | null = null;
    for (let seen = 0; seen < threads; seen += 200) {
      const page = JSON.parse(
        (await get(`${listPath}?limit=200${after ? `&after=${after}` : ""}`)).body.toString("utf8"),
      ) as Page;
      after = page.next;
    }
    return after!;
  };
  const middle = await cursorAfter(2_500);

  const lines = [
    await measure("whole list (no limit)", listPath),
    await measure("first page, limit=200", `${listPath}?limit=200`),
    await measure("page after 2,500 threads, limit=200", `${listPath}?limit=200&after=${middle}`),
    await measure("first page, limit=50", `${listPath}?limit=50`),
    await measure("page after 2,500 threads, limit=50", `${listPath}?limit=50&after=${middle}`),
  ];
  const walks: number[] = [];
  let pages = 0;
  let threads = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    let after: string | null = null;
    pages = threads = 0;
    do {
      const page = JSON.parse(
        (await get(`${listPath}?limit=200${after ? `&after=${after}` : ""}`)).body.toString("utf8"),
      ) as Page;
      pages += 1;
      threads += page.annotations.length;
      after = page.next;
    } while (after);
    walks.push(performance.now() - started);
  }
  walks.sort((a, b) => a - b);

  console.log(`
Glossa annotation list pages (${new Date().toISOString()}, ${process.version}, load average ${loadavg()[0]!.toFixed(2)}, ${serverUrl ? "PostgreSQL at BENCH_DATABASE_URL" : "embedded database"})
  ${seeded.annotations} threads and ${seeded.replies} replies on ${slug}; as the instructor, ${REQUESTS} sequential requests after ${WARM_UP} warm-up each:
${lines.join("\n")}
    every page of 200 following next (${pages} pages, ${threads} threads): median of 5 walks ${walks[2]!.toFixed(0)} ms
`);
} finally {
  await app.close();
}
