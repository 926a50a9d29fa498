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
 * at peak and after, then 10, 30 and 60 s after the readers left; and the cores PostgreSQL and this
 * benchmark itself used meanwhile, beside the instances'. Figures, not a test: nothing fails on a slow machine. Stops what it started.
 *
 * With LIVE_FAILOVER=1 (default off), a failover phase follows the rates, before the memory looks:
 * writers post at the first of LIVE_RATES to instance #1 alone for 15 s; 3 s in, instance #2 is
 * killed (SIGKILL to its process group, as a crashed machine). Its readers, their stream ended, do
 * what the reader's browser does (EventSource): wait the retry delay the live route sent, then
 * connect again — to #1, as through a load balancer — hear their index's version at once and, as
 * pages, fetch the changes since the index they hold (If-None-Match and ?base: the version they
 * last heard) and apply the events heard meanwhile. After the writes it waits GRACE_MS, then up to
 * a minute more until all are connected again and every page-like index lists every write. Prints,
 * for #2's readers: time from the kill to the drop noticed and to the stream open on #1; time from
 * the kill until a page-like reader's index includes every write made before it reconnected; writes
 * lost and versions duplicated, counted as in the rate phases (#1's readers beside them); how many
 * never reconnected. #2 is left out of the memory looks after.
 */
import { execFileSync } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
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
/** LIVE_FAILOVER=1: the failover phase after the rates (instance #2 killed mid-run). */
const FAILOVER = process.env.LIVE_FAILOVER === "1";
const FAILOVER_SECONDS = 15;
const FAILOVER_RATE = RATES[0] ?? 10;
/** How far into the failover phase instance #2 is killed. */
const KILL_AFTER_MS = 3_000;
/**
 * After the failover phase's writes and GRACE_MS: how much longer it waits, at most, for #2's readers
 * to be connected again and every page-like reader's index to list the phase's writes.
 */
const FAILOVER_SETTLE_MS = 60_000;
/** The browser's reconnection delay until the live route says its own (`retry:`, lib/http/event-stream.ts). */
const DEFAULT_RETRY_MS = 3_000;
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
  /** The reconnection delay the live route sent (`retry:`), read when LIVE_FAILOVER is on. */
  retryMs: number;
  /** Failover: when the reader noticed its stream ended, and when it was open again on the live instance. */
  droppedAt: number | null;
  reconnectedAt: number | null;
  /** The index in `events` of the first event heard on the new connection. */
  reconnectedFrom: number | null;
  /** Why connecting again failed for good (the browser gives up on an answer other than 200). */
  reconnectFailed: string | null;
}

/** Failover: the instance a reader whose stream ended connects to (as through a load balancer). */
let failoverOrigin: string | null = null;

/**
 * Events page-like readers brought their index up to date from: with the changes sent (at once, or
 * after the fetch on its way when they came, as catch-up.ts says), or by fetching it.
 */
const updates = { applied: 0, caughtUp: 0, fetched: 0, versionOnly: 0, otherState: 0 };

/** How page-like readers brought their index up to date, and this benchmark's own event loop delay. */
function printReaderWork(clientLag: ReturnType<typeof monitorEventLoopDelay>) {
  console.log(
    `    events a page-like reader applied the changes sent with: ${updates.applied} at once, ${updates.caughtUp} after the fetch on its way; fetched the index after: ${updates.fetched} (of those heard with no fetch on its way: ${updates.versionOnly} sent without changes, ${updates.otherState} with changes from another state than held)`,
  );
  const lagMs = (ns: number) => (ns / 1e6).toFixed(0);
  console.log(
    `    this benchmark's own event loop delay (its readers' streams): median ${lagMs(clientLag.percentile(50))} ms, p99 ${lagMs(clientLag.percentile(99))} ms, max ${lagMs(clientLag.max)} ms`,
  );
}

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

/**
 * CPU seconds so far of each PostgreSQL process (the server's, on this machine), by pid: a phase's
 * share is the sum of the differences (a backend started during it counts from nothing).
 */
function databaseCpu(): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/u.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // "pid (comm) state …": utime and stime are the 12th and 13th fields after the name, in ticks.
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (name !== "postgres") continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      seconds.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // Gone between the listing and the read.
    }
  }
  return seconds;
}

/** The kernel's clock ticks per second, in which /proc gives CPU times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS = 100;

/**
 * The cores PostgreSQL used over `elapsed` seconds, from a first look (databaseCpu) to the latest
 * time seen of each process since (a backend gone meanwhile counts up to its last look).
 */
function databaseCores(start: Map<number, number>, end: Map<number, number>, elapsed: number): number {
  let used = 0;
  for (const [pid, cpu] of end) used += cpu - (start.get(pid) ?? 0);
  return used / elapsed;
}

/** The live route's stream for `reader`'s member, from `origin`; null when it answered otherwise (status). */
async function openLive(reader: Reader, origin: string, cookie: SessionCookie) {
  const response = await fetch(`${origin}/api/annotations/live?sources=${slug}`, {
    headers: { cookie: cookieOf(cookie), accept: "text/event-stream" },
    signal: reader.abort.signal,
  });
  if (response.status !== 200 || !response.body) return { status: response.status, body: null };
  if (!FAILOVER) return { status: 200, body: response.body };
  // The retry delay the route sends first (`retry: 1000` to `retry: 3999`), read as a browser does, passing on the rest.
  let looked = false;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
      transform(chunk, controller) {
        if (!looked) {
          looked = true;
          const [, ms] = /^retry: (\d+)$/mu.exec(new TextDecoder().decode(chunk)) ?? [];
          if (ms) reader.retryMs = Number(ms);
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return { status: 200, body };
}

async function follow(reader: Reader, cookie: SessionCookie): Promise<void> {
  const opened = await openLive(reader, reader.origin, cookie);
  if (!opened.body) throw new Error(`live answered ${opened.status}`);
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
      // The fetch failed (its instance died): as the page does, what was heard meanwhile is asked
      // for again; the index held is kept.
      if (reader.abort.signal.aborted || heard.length === 0) return;
      again = true;
    } finally {
      inFlight = false;
    }
    if (again) await fetchIndex();
  };
  let pushed: SharedChanges | null = null;
  const onVersion = ({ version }: { version: string }) => {
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
  };
  const onChanges = (changes: SharedChanges) => {
    pushed = changes;
  };
  void (async () => {
    let body = opened.body;
    for (;;) {
      pushed = null;
      try {
        await readLiveEvents(body, onVersion, undefined, onChanges);
      } catch {
        /* aborted at the end, or its instance died */
      }
      if (reader.abort.signal.aborted || !failoverOrigin) return;
      // The stream ended (its instance died): as the browser's EventSource does, connect again after
      // the retry delay, to the same address — here the instance alive, as a load balancer would;
      // requests from now on go there too. A network error: try again after the delay; another answer
      // than 200: give up.
      reader.droppedAt ??= performance.now();
      reader.origin = failoverOrigin;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, reader.retryMs));
        if (reader.abort.signal.aborted) return;
        try {
          const again = await openLive(reader, reader.origin, cookie);
          if (!again.body) {
            reader.reconnectFailed = `answered ${again.status}`;
            return;
          }
          reader.reconnectedAt ??= performance.now();
          reader.reconnectedFrom ??= reader.events.length;
          body = again.body;
          break;
        } catch {
          if (reader.abort.signal.aborted) return;
        }
      }
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
      retryMs: DEFAULT_RETRY_MS,
      droppedAt: null,
      reconnectedAt: null,
      reconnectedFrom: null,
      reconnectFailed: null,
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
  /** A new group annotation by member `writer` through `origin`, recorded in `writes`. */
  const post = (origin: string, writer: number, writes: Write[]): Promise<void> => {
    const start = random.int(0, edition.text.length - 40);
    const end = start + random.int(5, 30);
    const write: Write = { id: null, sentAt: performance.now(), answeredAt: 0, status: 0 };
    writes.push(write);
    return fetch(`${origin}/api/annotations`, {
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
    );
  };
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
    const databaseStart = databaseCpu();
    // Looked at every second: a pool's connection idle for a while is closed, and its backend's
    // time would be lost with it if only the last look counted.
    const databaseSeen = new Map(databaseStart);
    const ownStart = process.cpuUsage();
    const sampler = setInterval(() => {
      servers.forEach((server, i) => {
        peak[i]!.rss = Math.max(peak[i]!.rss, usage(server.pid).rss);
      });
      for (const [pid, cpu] of databaseCpu()) databaseSeen.set(pid, cpu);
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
      pending.push(post(servers[n % 2]!.origin, writer, writes));
    }
    await Promise.all(pending);
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    clearInterval(sampler);
    clientLag.disable();
    const cpuEnd = servers.map((server) => usage(server.pid).cpu);
    for (const [pid, cpu] of databaseCpu()) databaseSeen.set(pid, cpu);
    const own = process.cpuUsage(ownStart);
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
    printReaderWork(clientLag);
    console.log(
      `    instances: ${servers
        .map(
          (_, i) =>
            `#${i + 1} CPU ${((cpuEnd[i]! - cpuStart[i]!) / elapsed).toFixed(2)} cores, peak RSS ${peak[i]!.rss.toFixed(0)} MiB`,
        )
        .join("; ")}`,
    );
    // What else shared the machine's cores with the instances: what limits them when it is full.
    console.log(
      `    the rest of the machine: PostgreSQL CPU ${databaseCores(databaseStart, databaseSeen, elapsed).toFixed(2)} cores, ` +
        `this benchmark (its readers and writers) ${((own.user + own.system) / 1e6 / elapsed).toFixed(2)} cores, ` +
        `of ${os.availableParallelism()}`,
    );
    for (const reader of readers) reader.events.length = 0;
  }

  /** Instances killed by the failover phase: no figures of theirs after. */
  const killed = new Set<number>();
  if (FAILOVER) {
    const [a, b] = [servers[0]!, servers[1]!];
    const fromA = readers.filter((_, i) => i % 2 === 0);
    const fromB = readers.filter((_, i) => i % 2 === 1);
    updates.applied = 0;
    updates.caughtUp = 0;
    updates.fetched = 0;
    updates.versionOnly = 0;
    updates.otherState = 0;
    for (const reader of readers) reader.events.length = 0;
    const writes: Write[] = [];
    const pending: Promise<void>[] = [];
    let peakA = 0;
    const cpuStart = usage(a.pid).cpu;
    const sampler = setInterval(() => {
      peakA = Math.max(peakA, usage(a.pid).rss);
    }, 1_000);
    const clientLag = monitorEventLoopDelay({ resolution: 10 });
    clientLag.enable();
    const started = performance.now();
    let killedAt = 0;
    const killing = (async () => {
      await new Promise((resolve) => setTimeout(resolve, KILL_AFTER_MS));
      // From now on a reader whose stream ends connects again to #1.
      failoverOrigin = a.origin;
      killedAt = performance.now();
      killed.add(1);
      await b.crash();
    })();
    const total = FAILOVER_RATE * FAILOVER_SECONDS;
    for (let n = 0; n < total; n++) {
      const due = started + (n * 1000) / FAILOVER_RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pending.push(post(a.origin, 1 + (n % BENCH_SEMINAR.students), writes));
    }
    await Promise.all(pending);
    await killing;
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    const saved = writes.filter((w) => w.status === 201);
    const lastWrite = performance.now() - GRACE_MS;
    const settled = () =>
      fromB.every((reader) => reader.reconnectedAt !== null || reader.reconnectFailed !== null) &&
      readers.every((reader) => !reader.listed || saved.every((write) => reader.listed!.has(write.id!)));
    const settleBy = performance.now() + FAILOVER_SETTLE_MS;
    while (!settled() && performance.now() < settleBy) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const waited = (performance.now() - lastWrite) / 1000;
    clearInterval(sampler);
    clientLag.disable();
    const cpuEnd = usage(a.pid).cpu;
    const elapsed = (performance.now() - started) / 1000;

    const postMs = writes.map((w) => w.answeredAt - w.sentAt);
    const timedOut = postMs.filter((ms) => ms > POST_TIMEOUT_MS).length;
    const sinceKill = (at: number | null) => (at === null ? [] : [at - killedAt]);
    const noticed = fromB.flatMap((reader) => sinceKill(reader.droppedAt));
    const reconnected = fromB.flatMap((reader) => sinceKill(reader.reconnectedAt));
    const gaveUp = fromB.filter((reader) => reader.reconnectFailed !== null);
    // Page-like readers of #2: from the kill until their index lists every write sent before they
    // were connected again (before the kill, or while they were away).
    const caughtUp: number[] = [];
    /** The same, from the stream open on #1. */
    const caughtUpAfterReconnecting: number[] = [];
    let notCaughtUp = 0;
    for (const reader of fromB) {
      if (!reader.listed) continue;
      if (reader.reconnectedAt === null) {
        notCaughtUp++;
        continue;
      }
      let last = killedAt;
      let missing = false;
      for (const write of saved) {
        if (write.sentAt >= reader.reconnectedAt) continue;
        const at = reader.listed.get(write.id!);
        if (at === undefined) missing = true;
        else last = Math.max(last, at);
      }
      if (missing) notCaughtUp++;
      else {
        caughtUp.push(last - killedAt);
        caughtUpAfterReconnecting.push(Math.max(0, last - reader.reconnectedAt));
      }
    }
    /** Lost and duplicated as in the rate phases; the version heard again on reconnecting apart. */
    /** Which writes (in the order sent, from 1) some reader heard nothing after. */
    const lostWrites = new Set<number>();
    const heardBy = (group: Reader[]) => {
      let lost = 0;
      let duplicated = 0;
      let again = 0;
      let neverListed = 0;
      for (const reader of group) {
        for (let i = 1; i < reader.events.length; i++) {
          if (reader.events[i]!.version !== reader.events[i - 1]!.version) continue;
          if (i === reader.reconnectedFrom) again++;
          else duplicated++;
        }
      }
      for (const [index, write] of saved.entries()) {
        for (const reader of group) {
          if (!reader.events.some((event) => event.at >= write.sentAt)) {
            lost++;
            lostWrites.add(index + 1);
          }
          if (reader.listed && !reader.listed.has(write.id!)) neverListed++;
        }
      }
      return { lost, duplicated, again, neverListed };
    };
    const heardB = heardBy(fromB);
    const heardA = heardBy(fromA);
    const delivery: number[] = [];
    for (const write of saved) {
      for (const reader of fromA) {
        const next = reader.events.find((event) => event.at >= write.sentAt);
        if (next) delivery.push(Math.max(0, next.at - write.answeredAt));
      }
    }
    const pageLike = fromB.filter((reader) => reader.listed).length;
    const delays = fromB.map((reader) => reader.retryMs / 1000);
    const retries =
      Math.min(...delays) === Math.max(...delays)
        ? `${delays[0]} s`
        : `${Math.min(...delays).toFixed(1)}–${Math.max(...delays).toFixed(1)} s`;
    console.log(
      `\n  failover: ${FAILOVER_RATE} writes/s for ${FAILOVER_SECONDS} s to #1 only (${total} writes, ${saved.length} saved, ${timedOut} over ${POST_TIMEOUT_MS / 1000} s); ` +
        `#2 killed (SIGKILL) ${((killedAt - started) / 1000).toFixed(1)} s in, its ${fromB.length} readers (${pageLike} page-like) connecting again to #1 after the retry delay the live route sent (${retries}); ` +
        `figures ${waited.toFixed(1)} s after the last write (at least ${GRACE_MS / 1000}, at most ${(GRACE_MS + FAILOVER_SETTLE_MS) / 1000}: until all reconnected and every index listed every write):`,
    );
    console.log(`    POST latency: ${stats(postMs)}`);
    console.log(
      `    kill → #2's reader noticed its stream ended (${noticed.length} readers): ${stats(noticed)}`,
    );
    console.log(
      `    kill → stream open on #1 (${reconnected.length} readers): ${stats(reconnected)}; failed to reconnect: ${fromB.length - reconnected.length}` +
        (gaveUp.length > 0 ? ` (${gaveUp.map((reader) => reader.reconnectFailed).join(", ")})` : ""),
    );
    console.log(
      `    kill → a page-like reader's index includes every write made before and during its outage (${caughtUp.length} readers): ${stats(caughtUp)} (from the stream open on #1: ${stats(caughtUpAfterReconnecting)}); not caught up within the run: ${notCaughtUp}`,
    );
    console.log(
      `    #2's readers: lost (a saved write after which a reader heard nothing): ${heardB.lost}; duplicated (same version twice in a row on one connection): ${heardB.duplicated}; ` +
        `version on reconnecting the same as the last heard on #2: ${heardB.again}; writes never in a page-like reader's index: ${heardB.neverListed}`,
    );
    if (lostWrites.size > 0) {
      const last = saved.at(-1)!;
      console.log(
        `    writes some reader heard nothing after: ${[...lostWrites].sort((x, y) => x - y).join(", ")} of ${saved.length} (the last answered ${((performance.now() - last.answeredAt) / 1000).toFixed(1)} s before these figures)`,
      );
    }
    console.log(
      `    #1's readers: lost: ${heardA.lost}; duplicated: ${heardA.duplicated}; writes never in a page-like reader's index: ${heardA.neverListed}; delivery, 201 → reader's next event (${delivery.length} pairs): ${stats(delivery)}`,
    );
    printReaderWork(clientLag);
    console.log(
      `    instances: #1 CPU ${((cpuEnd - cpuStart) / elapsed).toFixed(2)} cores, peak RSS ${peakA.toFixed(0)} MiB; #2 killed`,
    );
    for (const reader of readers) reader.events.length = 0;
  }
  /** Each instance's RSS, as the memory looks print it. */
  const rssOf = () =>
    servers
      .map((server, i) =>
        killed.has(i) ? `#${i + 1} killed` : `#${i + 1} RSS ${usage(server.pid).rss.toFixed(0)} MiB`,
      )
      .join(", ");

  await new Promise((resolve) => setTimeout(resolve, 5_000));
  console.log(`\n  instances after: ${rssOf()}`);
  // The class leaves: what an instance holds once its readers are gone and it has idled a while
  // (V8 gives back memory when idle, not at once).
  for (const reader of readers) reader.abort.abort();
  for (const wait of LEFT_FOR_SECONDS) {
    await new Promise((resolve) => setTimeout(resolve, wait * 1_000));
    console.log(
      `  readers gone, ${LEFT_FOR_SECONDS.slice(0, LEFT_FOR_SECONDS.indexOf(wait) + 1).reduce((a, b) => a + b)} s later: ${rssOf()}`,
    );
  }
} finally {
  for (const reader of readers) reader.abort.abort();
  await Promise.all(servers.map((server) => server.stop()));
  await scratch?.drop().catch(() => {});
}
process.exit(0);
