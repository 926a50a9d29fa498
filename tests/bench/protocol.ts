/**
 * `npm run bench:protocol`: the Web Annotation Protocol container of the seminar of
 * `npm run bench:annotations` (5,000 threads and their replies on one source), read by the group's
 * instructor with a personal access token: median and p95 over 30 sequential requests after 5 warm-up
 * ones, and each response's size, for the container (first page of descriptions embedded, and IRIs
 * only), a page from the middle and the last page, and a revalidation answered 304. Same server
 * set-up as bench:annotations (BENCH_PORT, default 3293; BENCH_DATABASE_URL for a PostgreSQL server,
 * else the embedded database). BENCH_PROTOCOL_ANNOTATIONS sets the threads (default 5,000; the
 * issue's deep-page figure is 20,000).
 */
import { loadavg } from "node:os";
import path from "node:path";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { openBenchApp } from "./bench-app.ts";
import { percentile } from "./measure-http.ts";
import { instructorWithToken } from "./instructor-token.ts";
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3293);
const slug = "soviet-note";
const WARM_UP = 5;
const REQUESTS = 30;
const ANNOTATIONS = Number(process.env.BENCH_PROTOCOL_ANNOTATIONS ?? BENCH_SEMINAR.annotations);
const IRIS = 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedIRIs"';

await buildIfStale(root);
const serverUrl = process.env.BENCH_DATABASE_URL;
const app = await openBenchApp({ root, port, readyPath: `/en/sources/${slug}` });
try {
  const { server } = app;
  const { origin } = server;
  const prisma = createPrismaClient({ connectionString: server.databaseUrl, poolMax: 1 });
  const seeded = await seedAnnotations(prisma, {
    sourceSlug: slug,
    ...BENCH_SEMINAR,
    annotations: ANNOTATIONS,
  });
  const { groupId, token } = await instructorWithToken(prisma, seeded.instructor.email, "READ");
  // A table that grew to this size over a term has been vacuumed and analyzed by autovacuum; one
  // seeded a moment ago not yet (no statistics for the planner): made so now.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Annotation"');
  await prisma.$disconnect();
  const container = `/api/protocol/groups/${groupId}/sources/${slug}/`;

  const get = async (apiPath: string, extra: Record<string, string> = {}) => {
    const started = performance.now();
    const response = await fetch(`${origin}${apiPath}`, {
      headers: { authorization: `Bearer ${token}`, ...extra },
    });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (response.status !== 200 && response.status !== 304)
      throw new Error(`${apiPath} answered ${response.status}`);
    return { ms, body, status: response.status, etag: response.headers.get("etag") ?? "" };
  };
  const measure = async (title: string, apiPath: string, extra: Record<string, string> = {}) => {
    for (let i = 0; i < WARM_UP; i++) await get(apiPath, extra);
    const samples: number[] = [];
    let last = await get(apiPath, extra);
    for (let i = 0; i < REQUESTS; i++) {
      last = await get(apiPath, extra);
      samples.push(last.ms);
    }
    samples.sort((a, b) => a - b);
    return `    ${title}: median ${percentile(samples, 50).toFixed(1)} ms, p95 ${percentile(samples, 95).toFixed(1)} ms; ${last.status}, ${(last.body.length / 1024).toFixed(1)} kB`;
  };

  const head = JSON.parse((await get(container)).body.toString("utf8")) as { total: number; last: string };
  const pages = Number(new URL(head.last).searchParams.get("page"));
  const middle = Math.ceil(pages / 2);
  const { etag } = await get(container);
  const lines = [
    await measure("container, first page of descriptions embedded", container),
    await measure("container, IRIs only (Prefer)", container, { prefer: IRIS }),
    await measure(`page ${middle} of ${pages}`, `${container}?page=${middle}`),
    await measure(`page ${pages} (the last)`, `${container}?page=${pages}`),
    await measure("container revalidated (If-None-Match)", container, { "if-none-match": etag }),
  ];
  console.log(`
Glossa Web Annotation Protocol (${new Date().toISOString()}, ${process.version}, load average ${loadavg()[0]!.toFixed(2)}, ${serverUrl ? "PostgreSQL at BENCH_DATABASE_URL" : "embedded database"})
  ${seeded.annotations} threads and ${seeded.replies} replies on ${slug} (${head.total} in the group's container); as the instructor with a read token, ${REQUESTS} sequential requests after ${WARM_UP} warm-up each:
${lines.join("\n")}
`);
} finally {
  await app.close();
}
