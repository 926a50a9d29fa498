/**
 * App instances for real: `npm start` each, on free ports, after the build (`npm test` runs these
 * last). On a PostgreSQL server, two instances on one database: a note written on one reaches a
 * reader following the other; then the reader's instance is killed mid-run (SIGKILL, nothing said
 * to anyone), more notes are written, and the reader connects to the other instance (as a browser's
 * EventSource does through a load balancer, after the retry delay), hears its index's version at
 * once and converges on exactly the index a fresh reader gets. On the embedded database, which one
 * instance owns, the instance is stopped and started again on its data instead.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describe as describeRange } from "@/lib/anchoring/describe";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient, type PrismaClient } from "@/lib/db/create-prisma-client";
import { startBenchServer, type BenchServer } from "../bench/bench-server";
import { createScratchDatabase, type ScratchDatabase } from "../bench/scratch-database";
import { BENCH_SEMINAR, seedAnnotations } from "../bench/seed-annotations";
import { signInThroughApi, type SessionCookie } from "../bench/sign-in";
import { freePorts } from "../support/free-ports";
import { readLiveEvents } from "../support/live-events";

const root = path.resolve(import.meta.dirname, "../..");
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
const SLUG = "soviet-note";
const PASSWORD = "correct horse battery staple";
/** How long a reader may take to hear something that must come. */
const SOON_MS = 10_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A reader's page, over HTTP: the live connection, and the index it holds (fetched as the client does). */
class Reader {
  versions: string[] = [];
  etag: string | null = null;
  base: string | null = null;
  ids = new Set<string>();
  private abort: AbortController | null = null;
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly cookie: SessionCookie) {}

  private get headers() {
    return { cookie: `${this.cookie.name}=${this.cookie.value}` };
  }

  /** Connects to `origin`'s live route; resolves once it answered. The stream ends when the instance dies. */
  async connect(origin: string): Promise<void> {
    this.abort = new AbortController();
    const response = await fetch(`${origin}/api/annotations/live?sources=${SLUG}`, {
      headers: { ...this.headers, accept: "text/event-stream" },
      signal: this.abort.signal,
    });
    expect(response.status).toBe(200);
    this.reading = readLiveEvents(response.body!, ({ version }) => void this.versions.push(version)).catch(
      () => {},
    );
  }

  /** Resolves when the live stream has ended (its instance went away). */
  ended(): Promise<void> {
    return this.reading;
  }

  disconnect(): void {
    this.abort?.abort();
  }

  /** The index from `origin`, as the reader's client asks for it: If-None-Match, and the changes since. */
  async refresh(origin: string): Promise<void> {
    const query = this.etag && this.base ? `?base=${encodeURIComponent(this.base)}` : "";
    const response = await fetch(`${origin}/api/sources/${SLUG}/annotations/index${query}`, {
      headers: { ...this.headers, ...(this.etag ? { "if-none-match": this.etag } : {}) },
    });
    if (response.status === 304) return;
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      annotations: { ids: string[]; flags: number[] };
      base?: string;
      delta?: { removed: string[] };
    };
    if (!body.delta) this.ids.clear();
    for (const id of body.delta?.removed ?? []) this.ids.delete(id);
    for (const id of body.annotations.ids) this.ids.add(id);
    this.etag = response.headers.get("etag");
    this.base = body.base ?? null;
  }

  /** Waits until a version other than the index held arrives, then fetches the index from `origin`. */
  async catchUp(origin: string, heard: number): Promise<void> {
    const deadline = Date.now() + SOON_MS;
    while (this.versions.length <= heard && Date.now() < deadline) await pause(25);
    expect(this.versions.length, "a version heard").toBeGreaterThan(heard);
    if (this.versions.at(-1) !== this.etag) await this.refresh(origin);
  }
}

let scratch: ScratchDatabase | null = null;
let prisma: PrismaClient;
const started: BenchServer[] = [];
let dataDir: string | null = null;

async function start(port: number, databaseUrl?: string): Promise<BenchServer> {
  const server = await startBenchServer({
    root,
    port,
    readyPath: `/en/sources/${SLUG}`,
    ...(databaseUrl ? { databaseUrl } : { dataDir: dataDir! }),
  });
  started.push(server);
  return server;
}

/** A seminar on the source: its members can sign in; returns their emails (instructor first). */
async function seminar(databaseUrl: string): Promise<{ emails: string[]; groupId: string; text: string }> {
  prisma = createPrismaClient({ connectionString: databaseUrl, poolMax: 1 });
  await seedAnnotations(prisma, { sourceSlug: SLUG, ...BENCH_SEMINAR, students: 3, annotations: 40 });
  await prisma.user.updateMany({
    where: { email: { endsWith: "@bench.example" } },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  const group = await prisma.group.findFirstOrThrow({ select: { id: true } });
  const edition = await prisma.edition.findFirstOrThrow({
    where: { source: { slug: SLUG } },
    orderBy: { number: "desc" },
    select: { text: true },
  });
  return {
    emails: ["instructor@bench.example", "student-1@bench.example", "student-2@bench.example"],
    groupId: group.id,
    text: edition.text,
  };
}

async function signIn(origin: string, email: string): Promise<SessionCookie> {
  const cookie = await signInThroughApi(origin, email, PASSWORD);
  expect(cookie, `${email} signs in`).not.toBeNull();
  return cookie!;
}

/** A new note for the group, through `origin`'s API; its id. */
async function note(origin: string, cookie: SessionCookie, groupId: string, text: string, n: number) {
  const start = 40 + n * 25;
  const response = await fetch(`${origin}/api/annotations`, {
    method: "POST",
    headers: { cookie: `${cookie.name}=${cookie.value}`, "content-type": "application/json", origin },
    body: JSON.stringify({
      source: SLUG,
      editionNumber: 1,
      groupId,
      kind: "highlight",
      visibility: "group",
      selectors: describeRange(text, { start, end: start + 12 }),
      body: null,
      tags: [`n${n}`],
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** What a reader connecting now is given: the whole index, fresh. */
async function freshIndex(origin: string, cookie: SessionCookie): Promise<Set<string>> {
  const reader = new Reader(cookie);
  await reader.refresh(origin);
  return reader.ids;
}

beforeAll(async () => {
  if (serverUrl) scratch = await createScratchDatabase(serverUrl);
  else dataDir = path.join(await mkdtemp(path.join(tmpdir(), "glossa-instances-")), "data");
}, 60_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await Promise.all(started.map((server) => server.stop()));
  await scratch?.drop();
  if (dataDir) await rm(path.dirname(dataDir), { recursive: true, force: true });
}, 60_000);

describe(serverUrl ? "two app instances on one PostgreSQL" : "the embedded database's one instance", () => {
  it("a reader whose instance goes away reconnects, hears the version at once and converges", async () => {
    const [portA, portB] = await freePorts(2);
    // One after the other: the first migrates and imports the sources.
    const a = await start(portA!, scratch?.connectionString);
    const b = scratch ? await start(portB!, scratch.connectionString) : a;
    const { emails, groupId, text } = await seminar(a.databaseUrl);
    const [teacher, reader, writer] = await Promise.all(emails.map((email) => signIn(a.origin, email)));

    const following = new Reader(reader!);
    await following.connect(a.origin);
    await following.refresh(a.origin);
    const other = new Reader(teacher!);
    await other.connect(b.origin);

    // A note written on the other instance reaches the reader on this one, and their index.
    const first = await note(b.origin, writer!, groupId, text, 1);
    await following.catchUp(a.origin, 1);
    expect(following.ids.has(first)).toBe(true);

    // The reader's instance dies (or, embedded, stops); the class goes on writing meanwhile.
    if (scratch) await a.crash();
    else await a.stop();
    await following.ended();
    const live = scratch ? b : await start(portA!);
    const meanwhile = [
      await note(live.origin, writer!, groupId, text, 2),
      await note(live.origin, teacher!, groupId, text, 3),
    ];
    const heard = following.versions.length;
    await following.connect(live.origin);
    await following.catchUp(live.origin, heard);
    for (const id of meanwhile) expect(following.ids.has(id)).toBe(true);
    expect(following.ids).toEqual(await freshIndex(live.origin, reader!));
    expect(following.versions.at(-1)).toBe(following.etag);

    // And it goes on: the next note reaches them where they are now.
    const next = await note(live.origin, writer!, groupId, text, 4);
    await following.catchUp(live.origin, following.versions.length);
    expect(following.ids.has(next)).toBe(true);
    following.disconnect();
    other.disconnect();
  }, 240_000);
});
