/**
 * `npm run bench:annotations`: the figures for "a document with thousands of annotations stays fast".
 * Seeds a seminar group of 30 students with 5,000 annotations (and their replies) on one source, then:
 *  - the annotation API for that source, as the group's instructor: median and p95 over 50
 *    sequential requests after 5 warm-up ones, and the size of the response, for what the reader
 *    asks for (the index of every thread, then a panel's first 50 cards) and for the whole list;
 *  - the reader page in headless Chromium: when the text shows, and how long after that every
 *    highlight is painted; the same page for a user without annotations, for comparison.
 * Runs the app on its own port (BENCH_PORT, default 3291) with a throw-away data directory and the
 * embedded database, or with BENCH_DATABASE_URL (a PostgreSQL server) on a new database with a random
 * name that it drops afterwards. The seed is fixed, so runs are comparable. Stops what it started.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { startBenchServer, type BenchServer } from "./bench-server.ts";
import { percentile } from "./measure-http.ts";
import { launchChromium, measureReader, READY_SELECTOR, type ReaderFigures } from "./measure-reader.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";
import { seedLargeSource } from "./seed-large-source.ts";
import { signInThroughApi, type SessionCookie } from "./sign-in.ts";

const root = path.resolve(import.meta.dirname, "../..");
const port = Number(process.env.BENCH_PORT ?? 3291);
/**
 * BENCH_SOURCE_CHARACTERS (e.g. 500000): the seminar annotates a public source of that many
 * characters (seed-large-source.ts) instead of the Soviet note; BENCH_ANNOTATIONS sets how many
 * threads it seeds (default BENCH_SEMINAR's 5,000).
 */
const SOURCE_CHARACTERS = Number(process.env.BENCH_SOURCE_CHARACTERS ?? 0);
const ANNOTATIONS = Number(process.env.BENCH_ANNOTATIONS ?? BENCH_SEMINAR.annotations);
const slug = SOURCE_CHARACTERS > 0 ? "large-document" : "soviet-note";
const readerPath = `/en/sources/${slug}`;
const listPath = `/api/sources/${slug}/annotations`;
const indexPath = `/api/sources/${slug}/annotations/index`;
const WARM_UP = 5;
const REQUESTS = 50;
/** Visits per reader figure after one warm-up (BENCH_READER_RUNS; fewer on a large source, whose visits are long). */
const READER_RUNS = Number(process.env.BENCH_READER_RUNS ?? 9);
/** Longest wait for the highlights on one visit: far beyond the aim, short enough to report a hang. */
const READY_TIMEOUT_MS = 30_000;

interface ApiFigures {
  median: number;
  p95: number;
  raw: number;
  gzip: number;
  encoding: string;
  annotations: number;
}

/** Whole-response times (headers and body) of sequential requests, one at a time, like one reader. */
async function measureApi(
  origin: string,
  cookie: SessionCookie,
  apiPath: string,
  /** Runs before each request, outside the time measured (a classmate's change, say). */
  before: () => Promise<void> = async () => {},
): Promise<ApiFigures> {
  const get = async () => {
    await before();
    const started = performance.now();
    const response = await fetch(`${origin}${apiPath}`, {
      headers: { cookie: `${cookie.name}=${cookie.value}`, "accept-encoding": "gzip" },
    });
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (response.status !== 200) throw new Error(`${apiPath} answered ${response.status}`);
    return { ms, body, encoding: response.headers.get("content-encoding") ?? "none" };
  };
  for (let i = 0; i < WARM_UP; i++) await get();
  const samples: number[] = [];
  let last = await get();
  samples.push(last.ms);
  for (let i = 1; i < REQUESTS; i++) samples.push((last = await get()).ms);
  samples.sort((a, b) => a - b);
  // The list's annotations are objects; the index's are columns (lib/annotations/index/wire.ts).
  const list = JSON.parse(last.body.toString("utf8")) as { annotations: unknown[] | { ids: unknown[] } };
  return {
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    raw: last.body.length,
    gzip: gzipSync(last.body).length,
    encoding: last.encoding,
    annotations: Array.isArray(list.annotations) ? list.annotations.length : list.annotations.ids.length,
  };
}

async function signIn(origin: string, account: { email: string; password: string }) {
  const cookie = await signInThroughApi(origin, account.email, account.password);
  if (!cookie) throw new Error(`signing in as ${account.email} failed`);
  return cookie;
}

function apiLines(title: string, api: ApiFigures): string {
  return [
    `    ${title}:`,
    `      median ${api.median.toFixed(1)} ms, p95 ${api.p95.toFixed(1)} ms; ${api.annotations} annotations, ${kb(api.raw)} raw, ${kb(api.gzip)} gzipped (served with content-encoding ${api.encoding})`,
  ].join("\n");
}

const ms = (value: number | null) => (value === null ? "—" : `${value.toFixed(0)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** Each visit's highlightsPainted − textShown, to see how much the median can be trusted. */
function spread(figures: ReaderFigures): string {
  const gaps = figures.runs.flatMap((run) =>
    run.highlightsPainted === null ? [] : [run.highlightsPainted - run.textShown],
  );
  return gaps.length ? gaps.map((gap) => gap.toFixed(0)).join(", ") : "—";
}

function readerLines(figures: ReaderFigures): string {
  return [
    `text shown ${ms(figures.textShown)} (first contentful paint ${ms(figures.firstContentfulPaint)})`,
    `highlights painted ${ms(figures.highlightsPainted)} (${figures.prepaintRanges} ranges by the page's script before hydration)`,
    `annotation layer interactive ${ms(figures.layerReady)}`,
    `${figures.marks} <mark> elements`,
    `index arrived ${ms(figures.indexArrived)} (${figures.indexRequests} request${figures.indexRequests === 1 ? "" : "s"} for it)`,
  ].join(", ");
}

await buildIfStale(root);
const serverUrl = process.env.BENCH_DATABASE_URL;
let scratch: ScratchDatabase | null = null;
let server: BenchServer | null = null;
let complete = true;
try {
  scratch = serverUrl ? await createScratchDatabase(serverUrl) : null;
  server = await startBenchServer({
    root,
    port,
    // The built-in source is there before anything is seeded.
    readyPath: "/en/sources/soviet-note",
    databaseUrl: scratch?.connectionString,
  });
  const { origin } = server;

  const seedStarted = performance.now();
  const prisma = createPrismaClient({ connectionString: server.databaseUrl, poolMax: 1 });
  if (SOURCE_CHARACTERS > 0) await seedLargeSource(prisma, slug, SOURCE_CHARACTERS);
  const seeded = await seedAnnotations(prisma, {
    ...BENCH_SEMINAR,
    sourceSlug: slug,
    annotations: ANNOTATIONS,
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // A change written straight to the database (no app instance hears of it): every reader's index is
  // new, and the request reads the group's part itself.
  const touched = await prisma.annotation.findFirstOrThrow({
    where: { parentId: null },
    select: { id: true },
  });
  let touches = 0;
  const change = async () => {
    touches += 1;
    await prisma.annotation.update({ where: { id: touched.id }, data: { tags: [`change-${touches}`] } });
  };

  const instructor = await signIn(origin, seeded.instructor);
  const student = await signIn(origin, seeded.student);
  const loner = await signIn(origin, seeded.loner);
  // A classmate's change made through the app: the student edits the tags of one of their own.
  const own = await prisma.annotation.findFirstOrThrow({
    where: { parentId: null, author: { email: seeded.student.email } },
    select: { id: true },
  });
  const classmateChange = async () => {
    touches += 1;
    const response = await fetch(`${origin}/api/annotations/${own.id}`, {
      method: "PATCH",
      headers: { cookie: `${student.name}=${student.value}`, "content-type": "application/json" },
      body: JSON.stringify({ tags: [`edit-${touches}`] }),
    });
    if (response.status !== 200) throw new Error(`the classmate's edit answered ${response.status}`);
    await response.arrayBuffer();
  };
  const index = await measureApi(origin, instructor, indexPath);
  const indexChanged = await measureApi(origin, instructor, indexPath, change);
  const indexChangedShared = await measureApi(origin, instructor, indexPath, classmateChange);
  const indexed = JSON.parse(
    await (
      await fetch(`${origin}${indexPath}`, { headers: { cookie: `${instructor.name}=${instructor.value}` } })
    ).text(),
  ) as { annotations: { ids: string[] } };
  const firstCards = indexed.annotations.ids.slice(0, 50);
  const cardsPath = `${listPath}?ids=${firstCards.join(",")}`;
  const cards = await measureApi(origin, instructor, cardsPath);
  const list = await measureApi(origin, instructor, listPath);

  const browser = await launchChromium();
  let annotated: ReaderFigures;
  let annotatedChanged: ReaderFigures;
  let annotatedChangedShared: ReaderFigures;
  let empty: ReaderFigures;
  try {
    const options = { runs: READER_RUNS, readyTimeoutMs: READY_TIMEOUT_MS };
    annotated = await measureReader(browser, {
      ...options,
      url: `${origin}${readerPath}`,
      cookie: instructor,
    });
    annotatedChanged = await measureReader(browser, {
      ...options,
      url: `${origin}${readerPath}`,
      cookie: instructor,
      before: change,
    });
    annotatedChangedShared = await measureReader(browser, {
      ...options,
      url: `${origin}${readerPath}`,
      cookie: instructor,
      before: classmateChange,
    });
    empty = await measureReader(browser, { ...options, url: `${origin}${readerPath}`, cookie: loner });
  } finally {
    await browser.close();
    await prisma.$disconnect();
  }
  complete =
    annotated.highlightsPainted !== null &&
    annotatedChanged.highlightsPainted !== null &&
    annotatedChangedShared.highlightsPainted !== null &&
    empty.highlightsPainted !== null;
  const ratio =
    complete && empty.highlightsPainted
      ? `${(annotated.highlightsPainted! / empty.highlightsPainted).toFixed(2)}×`
      : "—";

  console.log(`
Glossa annotation figures (${new Date().toISOString()}, ${process.version}, load average ${loadavg()[0]!.toFixed(2)}, ${serverUrl ? "PostgreSQL at BENCH_DATABASE_URL" : "embedded database"})
  Seeded in ${seedSeconds.toFixed(1)} s: ${seeded.annotations} annotations and ${seeded.replies} replies by 30 students on ${slug} (${seeded.textLength} characters)
  As the instructor, ${REQUESTS} sequential requests after ${WARM_UP} warm-up each (aim: median < 100 ms):
${apiLines(`GET ${indexPath} (every thread: what the highlights are drawn from), nothing changed since the reader's last fetch (this instance's cache)`, index)}
${apiLines(`GET ${indexPath}, each right after a change written straight to the database (the request reads the group's part afresh)`, indexChanged)}
${apiLines(`GET ${indexPath}, each right after a classmate's edit through the app (PATCH; the instance reads the group's part again as it hears of it)`, indexChangedShared)}
${apiLines(`GET ${listPath}?ids=<the first 50> (the panel's first cards)`, cards)}
${apiLines(`GET ${listPath} (the whole list, with bodies and replies)`, list)}
  ${readerPath} in headless Chromium, medians of ${READER_RUNS} visits after one warm-up, ms from navigation start:
    instructor (${seeded.annotations} annotations), returning to an unchanged source: ${readerLines(annotated)}
      highlights painted ${ms(annotated.highlightsAfterText)} after the text shows (aim < 500 ms; visits: ${spread(annotated)})
    instructor, each visit right after a change written straight to the database: ${readerLines(annotatedChanged)}
      highlights painted ${ms(annotatedChanged.highlightsAfterText)} after the text shows (aim < 500 ms; visits: ${spread(annotatedChanged)})
    instructor, each visit right after a classmate's edit through the app: ${readerLines(annotatedChangedShared)}
      highlights painted ${ms(annotatedChangedShared.highlightsAfterText)} after the text shows (aim < 500 ms; visits: ${spread(annotatedChangedShared)})
    user without annotations: ${readerLines(empty)}
    total time until highlights painted, annotated / empty: ${ratio}
`);
  if (!complete) {
    console.error(
      `No ${READY_SELECTOR} within ${READY_TIMEOUT_MS / 1000} s on ${readerPath}: the reader's annotation layer does not signal that its highlights are rendered, so the highlight figures are missing.`,
    );
  }
} finally {
  await server?.stop();
  await scratch?.drop();
}
process.exit(complete ? 0 : 1);
