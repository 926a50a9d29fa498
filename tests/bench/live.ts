/**
 * `npm run bench:live`: live updates under a class. Two app instances on one PostgreSQL (a new
 * database on BENCH_DATABASE_URL's server, default the local one, dropped afterwards), a seminar of
 * 30 students and their instructor with LIVE_ANNOTATIONS threads (default 20,000) on one source, and:
 *  - LIVE_READERS connections (default 300) holding GET /api/annotations/live, as the 31 members in
 *    turn, split over both instances;
 *  - of those, LIVE_INDEX_READERS (default: all) behave as pages: on each event they bring their
 *    index up to date as the reader's client does (the changes sent with the event applied, else
 *    a fetch with If-None-Match for the changes since the one held, one request at a time);
 *  - writers posting new group annotations at each rate of LIVE_RATES (default "10,50" per second)
 *    for LIVE_SECONDS (default 30), split over both instances.
 * Prints, per rate: POST latency; delivery latency from a write's 201 to each reader's next event;
 * time from a write's 201 until a page-like reader's index includes it; writes not heard by some
 * reader (lost) and versions heard twice in a row (duplicated); CPU and RSS of each instance before,
 * at peak and after, then 10, 30 and 60 s after the readers left. Figures, not a test: nothing fails on a slow machine. Stops what it started.
 */
import { execFileSync } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import path from "node:path";
import { describe as describeRange } from "../../lib/anchoring/describe.ts";
import { buildIfStale } from "../../lib/cli/build-app.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import { startBenchServer, type BenchServer } from "./bench-server.ts";
import { percentile } from "./measure-http.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";
import { seededRandom } from "./seeded-random.ts";
import { signInThroughApi, type SessionCookie } from "./sign-in.ts";
import { freePorts } from "../support/free-ports.ts";
import type { SharedChanges } from "../../lib/annotations/index/wire.ts";
import { changesToCatchUp, type HeardVersion } from "../../lib/annotations/index/catch-up.ts";
import { leadsOnFrom } from "../../lib/annotations/index/live-chain.ts";
import { readLiveEvents } from "../support/live-events.ts";

const root = path.resolve(import.meta.dirname, "../..");
/** BENCH_PORT and the one above it, else two ports free now. */
const ports = process.env.BENCH_PORT
  ? [Number(process.env.BENCH_PORT), Number(process.env.BENCH_PORT) + 1]
  : await freePorts(2);
const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const READERS = Number(process.env.LIVE_READERS ?? 300);
const INDEX_READERS = Math.min(READERS, Number(process.env.LIVE_INDEX_READERS ?? READERS));
const ANNOTATIONS = Number(process.env.LIVE_ANNOTATIONS ?? 20_000);
const RATES = (process.env.LIVE_RATES ?? "10,50").split(",").map(Number);
const SECONDS = Number(process.env.LIVE_SECONDS ?? 30);
/** Waits, one after the other, before each look at the instances' memory once the readers left. */
const LEFT_FOR_SECONDS = [10, 20, 30];
/** After the writers stop: how long readers may still hear of the last writes. */
const GRACE_MS = 10_000;
/** A POST slower than this is counted as timed out (it is still awaited). */
const POST_TIMEOUT_MS = 30_000;
const slug = "soviet-note";
const PASSWORD = "correct horse battery staple";

interface Reader {
  member: number;
  origin: string;
  /** Arrival times of each event (performance.now()), with the version. */
  events: { at: number; version: string }[];
  /** For page-like readers: the times their fetched index first listed each annotation id. */
  listed: Map<string, number> | null;
  abort: AbortController;
}

/**
 * Events page-like readers brought their index up to date from: with the changes sent (at once, or
 * after the fetch on its way when they came, as catch-up.ts says), or by fetching it.
 */
const updates = { applied: 0, caughtUp: 0, fetched: 0, versionOnly: 0, otherState: 0 };

interface Write {
  id: string | null;
  sentAt: number;
  answeredAt: number;
  status: number;
}

const cookieOf = (cookie: SessionCookie) => `${cookie.name}=${cookie.value}`;

/** CPU time (s, user + system) and RSS (MiB) of a process group's processes. */
function usage(pid: number): { cpu: number; rss: number } {
  const out = execFileSync("ps", ["-o", "pgid=,cputimes=,rss=", "-e"], { encoding: "utf8" });
  let cpu = 0;
  let rss = 0;
  for (const line of out.trim().split("\n")) {
    const [pgid, seconds, kb] = line.trim().split(/\s+/u).map(Number);
    if (pgid !== pid) continue;
    cpu += seconds ?? 0;
    rss += (kb ?? 0) / 1024;
  }
  return { cpu, rss };
}

async function follow(reader: Reader, cookie: SessionCookie): Promise<void> {
  const response = await fetch(`${reader.origin}/api/annotations/live?sources=${slug}`, {
    headers: { cookie: cookieOf(cookie), accept: "text/event-stream" },
    signal: reader.abort.signal,
  });
  if (response.status !== 200 || !response.body) throw new Error(`live answered ${response.status}`);
  let etag: string | null = null;
  /** The shared state of the index held: later fetches ask for the changes since, as the page does. */
  let base: string | null = null;
  let inFlight = false;
  let again = false;
  /** Versions heard while a fetch was on its way, with their changes (as the page keeps them). */
  let heard: HeardVersion<SharedChanges>[] = [];
  /** The changes sent, applied to the index held: the time each new id was first listed. */
  const apply = (changes: SharedChanges, at: number) => {
    base = changes.base;
    for (const id of changes.annotations.ids) if (!reader.listed!.has(id)) reader.listed!.set(id, at);
  };
  const fetchIndex = async (): Promise<void> => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    again = false;
    heard = [];
    try {
      const query = etag && base ? `?base=${encodeURIComponent(base)}` : "";
      const answer = await fetch(`${reader.origin}/api/sources/${slug}/annotations/index${query}`, {
        headers: { cookie: cookieOf(cookie), ...(etag ? { "if-none-match": etag } : {}) },
        signal: reader.abort.signal,
      });
      if (answer.status === 200) {
        etag = answer.headers.get("etag");
        const body = (await answer.json()) as { annotations: { ids: string[] }; base?: string };
        base = body.base ?? null;
        const at = performance.now();
        for (const id of body.annotations.ids) if (!reader.listed!.has(id)) reader.listed!.set(id, at);
      } else {
        await answer.arrayBuffer();
      }
      const plan = changesToCatchUp(etag, base ?? undefined, heard);
      if (plan) {
        const at = performance.now();
        for (const changes of plan.apply) apply(changes, at);
        updates.caughtUp += plan.apply.length;
        etag = plan.version;
      } else {
        updates.fetched += heard.length;
        again = true;
      }
    } catch {
      return;
    } finally {
      inFlight = false;
    }
    if (again) await fetchIndex();
  };
  void (async () => {
    try {
      let pushed: SharedChanges | null = null;
      await readLiveEvents(
        response.body!,
        ({ version }) => {
          const at = performance.now();
          reader.events.push({ at, version });
          const changes = pushed;
          pushed = null;
          if (!reader.listed || version === etag) return;
          // As the page does (use-index-sync.ts): heard while a fetch is on its way, kept for its
          // answer to catch up with; else the changes sent with the version applied to the index held.
          if (inFlight) {
            heard.push({ version, changes });
          } else if (changes && leadsOnFrom(changes, base ?? undefined)) {
            updates.applied++;
            etag = version;
            apply(changes, at);
          } else {
            updates.fetched++;
            // Why: the event came without its changes, or they lead on from another state than held.
            if (changes) updates.otherState++;
            else updates.versionOnly++;
            void fetchIndex();
          }
        },
        undefined,
        (changes) => {
          pushed = changes;
        },
      );
    } catch {
      /* aborted at the end */
    }
  })();
}

function stats(values: number[]): string {
  if (values.length === 0) return "—";
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
  return `median ${f(percentile(sorted, 50))}, p95 ${f(percentile(sorted, 95))}, max ${f(sorted.at(-1)!)}`;
}

await buildIfStale(root);
let scratch: ScratchDatabase | null = null;
const servers: BenchServer[] = [];
const readers: Reader[] = [];
try {
  scratch = await createScratchDatabase(serverUrl);
  // One after the other: the first migrates and imports the sources.
  for (const port of ports) {
    servers.push(
      await startBenchServer({
        root,
        port,
        readyPath: `/en/sources/${slug}`,
        databaseUrl: scratch.connectionString,
      }),
    );
  }
  const prisma = createPrismaClient({ connectionString: scratch.connectionString, poolMax: 1 });
  const seeded = await seedAnnotations(prisma, {
    sourceSlug: slug,
    ...BENCH_SEMINAR,
    annotations: ANNOTATIONS,
  });
  // A table that grew to this size over a term has been vacuumed and analyzed by autovacuum; one
  // seeded a moment ago not yet (no statistics for the planner, no index-only scans): made so now.
  await prisma.$executeRawUnsafe('VACUUM ANALYZE "Annotation"');
  // Every member signs in.
  await prisma.user.updateMany({
    where: { email: { endsWith: "@bench.example" } },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  const members = [
    seeded.instructor.email,
    ...Array.from({ length: BENCH_SEMINAR.students }, (_, i) => `student-${i + 1}@bench.example`),
  ];
  const cookies: SessionCookie[] = [];
  for (const email of members) {
    const cookie = await signInThroughApi(servers[0]!.origin, email, PASSWORD);
    if (!cookie) throw new Error(`signing in as ${email} failed`);
    cookies.push(cookie);
  }
  const group = await prisma.group.findFirstOrThrow({ select: { id: true } });
  const edition = await prisma.edition.findFirstOrThrow({
    where: { source: { slug } },
    orderBy: { number: "desc" },
    select: { number: true, text: true },
  });
  await prisma.$disconnect();
  const started = servers.map((server) => usage(server.pid));

  for (let i = 0; i < READERS; i++) {
    const reader: Reader = {
      member: i % members.length,
      origin: servers[i % 2]!.origin,
      events: [],
      listed: i < INDEX_READERS ? new Map() : null,
      abort: new AbortController(),
    };
    readers.push(reader);
    await follow(reader, cookies[reader.member]!);
  }
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const before = servers.map((server) => usage(server.pid));
  console.log(
    `Live updates under a class (${new Date().toISOString()}): 2 instances, ${ANNOTATIONS} annotations on ${slug}, ` +
      `${READERS} readers connected as ${members.length} members (${INDEX_READERS} fetching their index on each event)`,
  );
  console.log(
    `  instances started, no reader yet: ${started.map((u, i) => `#${i + 1} RSS ${u.rss.toFixed(0)} MiB`).join(", ")}`,
  );
  console.log(
    `  instances before: ${before.map((u, i) => `#${i + 1} RSS ${u.rss.toFixed(0)} MiB`).join(", ")}`,
  );

  const random = seededRandom(17);
  for (const rate of RATES) {
    updates.applied = 0;
    updates.caughtUp = 0;
    updates.fetched = 0;
    updates.versionOnly = 0;
    updates.otherState = 0;
    const writes: Write[] = [];
    const pending: Promise<void>[] = [];
    const peak = servers.map(() => ({ rss: 0 }));
    const cpuStart = servers.map((server) => usage(server.pid).cpu);
    const sampler = setInterval(() => {
      servers.forEach((server, i) => {
        peak[i]!.rss = Math.max(peak[i]!.rss, usage(server.pid).rss);
      });
    }, 1_000);
    // The benchmark's own event loop holds every reader's stream: if it lags, so do the delivery
    // figures it records (printed beside them, to tell the client's delay from the instances').
    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    clientLag.enable();
    const started = performance.now();
    const total = rate * SECONDS;
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const writer = 1 + (n % BENCH_SEMINAR.students);
      const origin = servers[n % 2]!.origin;
      const start = random.int(0, edition.text.length - 40);
      const end = start + random.int(5, 30);
      const write: Write = { id: null, sentAt: performance.now(), answeredAt: 0, status: 0 };
      writes.push(write);
      pending.push(
        fetch(`${origin}/api/annotations`, {
          method: "POST",
          headers: { cookie: cookieOf(cookies[writer]!), "content-type": "application/json", origin },
          body: JSON.stringify({
            source: slug,
            editionNumber: edition.number,
            groupId: group.id,
            kind: "highlight",
            visibility: "group",
            selectors: describeRange(edition.text, { start, end }),
            body: null,
            tags: [],
          }),
          signal: AbortSignal.timeout(POST_TIMEOUT_MS * 4),
        }).then(
          async (response) => {
            write.answeredAt = performance.now();
            write.status = response.status;
            const body = (await response.json().catch(() => null)) as { id?: string } | null;
            write.id = body?.id ?? null;
          },
          () => {
            write.answeredAt = performance.now();
          },
        ),
      );
    }
    await Promise.all(pending);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    clearInterval(sampler);
    clientLag.disable();
    const cpuEnd = servers.map((server) => usage(server.pid).cpu);
    const elapsed = (performance.now() - started) / 1000;

    const saved = writes.filter((w) => w.status === 201);
    const postMs = writes.map((w) => w.answeredAt - w.sentAt);
    const timedOut = postMs.filter((ms) => ms > POST_TIMEOUT_MS).length;
    const delivery: number[] = [];
    let lost = 0;
    let duplicated = 0;
    for (const reader of readers) {
      for (let i = 1; i < reader.events.length; i++) {
        if (reader.events[i]!.version === reader.events[i - 1]!.version) duplicated++;
      }
    }
    for (const write of saved) {
      for (const reader of readers) {
        const next = reader.events.find((event) => event.at >= write.sentAt);
        if (!next) lost++;
        else delivery.push(Math.max(0, next.at - write.answeredAt));
      }
    }
    const listing: number[] = [];
    let neverListed = 0;
    for (const write of saved) {
      for (const reader of readers) {
        if (!reader.listed) continue;
        const at = reader.listed.get(write.id!);
        if (at === undefined) neverListed++;
        else listing.push(Math.max(0, at - write.answeredAt));
      }
    }
    console.log(
      `\n  ${rate} writes/s for ${SECONDS} s (${total} writes, ${saved.length} saved, ${timedOut} over ${POST_TIMEOUT_MS / 1000} s):`,
    );
    console.log(`    POST latency: ${stats(postMs)}`);
    console.log(`    delivery, 201 → reader's next event (${delivery.length} pairs): ${stats(delivery)}`);
    console.log(
      `    201 → the write in a page-like reader's index (${listing.length} pairs): ${stats(listing)}; never within the run: ${neverListed}`,
    );
    console.log(
      `    lost (a saved write after which a reader heard nothing): ${lost}; duplicated (same version twice in a row): ${duplicated}`,
    );
    console.log(
      `    events a page-like reader applied the changes sent with: ${updates.applied} at once, ${updates.caughtUp} after the fetch on its way; fetched the index after: ${updates.fetched} (of those heard with no fetch on its way: ${updates.versionOnly} sent without changes, ${updates.otherState} with changes from another state than held)`,
    );

    const lagMs = (ns: number) => (ns / 1e6).toFixed(0);
    console.log(
      `    this benchmark's own event loop delay (its readers' streams): median ${lagMs(clientLag.percentile(50))} ms, p99 ${lagMs(clientLag.percentile(99))} ms, max ${lagMs(clientLag.max)} ms`,
    );
    console.log(
      `    instances: ${servers
        .map(
          (_, i) =>
            `#${i + 1} CPU ${((cpuEnd[i]! - cpuStart[i]!) / elapsed).toFixed(2)} cores, peak RSS ${peak[i]!.rss.toFixed(0)} MiB`,
        )
        .join("; ")}`,
    );
    for (const reader of readers) reader.events.length = 0;
  }
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const after = servers.map((server) => usage(server.pid));
  console.log(
    `\n  instances after: ${after.map((u, i) => `#${i + 1} RSS ${u.rss.toFixed(0)} MiB`).join(", ")}`,
  );
  // The class leaves: what an instance holds once its readers are gone and it has idled a while
  // (V8 gives back memory when idle, not at once).
  for (const reader of readers) reader.abort.abort();
  for (const wait of LEFT_FOR_SECONDS) {
    await new Promise((resolve) => setTimeout(resolve, wait * 1_000));
    const left = servers.map((server) => usage(server.pid));
    console.log(
      `  readers gone, ${LEFT_FOR_SECONDS.slice(0, LEFT_FOR_SECONDS.indexOf(wait) + 1).reduce((a, b) => a + b)} s later: ${left.map((u, i) => `#${i + 1} RSS ${u.rss.toFixed(0)} MiB`).join(", ")}`,
    );
  }
} finally {
  for (const reader of readers) reader.abort.abort();
  await Promise.all(servers.map((server) => server.stop()));
  await scratch?.drop().catch(() => {});
}
process.exit(0);
