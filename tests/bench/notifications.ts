/**
 * `npm run bench:notifications`: notifications in a seminar of 200 students (and one of 10, to show
 * the number of SQL statements does not grow with the students): an assignment opening (one
 * notification per student), the due-within-24-hours job (progress read per assignment) run once and
 * again (nothing new), grades released to all, a reply in a thread with 20 participants, a student's
 * page load when nothing is new (the lazy catch-up and the bell's count), and the notifications page
 * (50 listed, each target checked against the policy). Median and p95 over 20 calls, and the SQL
 * statements of one. BENCH_DATABASE_URL names a PostgreSQL server (a scratch database is made on it
 * and dropped), else the embedded database (PGlite) runs in memory. Run with the react-server
 * condition (the npm script does), so server modules load.
 */
import { loadavg } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { applyMigrations } from "../../lib/db/apply-migrations.ts";
import { createPrismaClient } from "../../lib/db/create-prisma-client.ts";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../lib/db/embedded-postgres.ts";
import { PrismaClient } from "../../lib/db/generated/prisma/client.ts";
import { importSources } from "../../lib/sources/import-sources.ts";
import { percentile } from "./measure-http.ts";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database.ts";

const root = path.resolve(import.meta.dirname, "../..");
const STUDENTS = 200;
const SMALL_GROUP = 10;
const PARTICIPANTS = 20;
const RUNS = 20;
const HOUR_MS = 60 * 60 * 1000;

const serverUrl = process.env.BENCH_DATABASE_URL;
let scratch: ScratchDatabase | null = null;
let embedded: EmbeddedPostgres | null = null;
try {
  if (serverUrl) scratch = await createScratchDatabase(serverUrl);
  else embedded = await startEmbeddedPostgres();
  const connectionString = scratch?.connectionString ?? embedded!.connectionString;
  await applyMigrations(connectionString);
  const setup = createPrismaClient({ connectionString, poolMax: 2 });
  await importSources(setup, path.join(root, "sources"));

  /** A group with an instructor and `students` students; returns their ids. */
  async function seminar(tag: string, students: number) {
    const users = await setup.user.createManyAndReturn({
      data: Array.from({ length: students + 1 }, (_, i) => ({
        name: `${tag} person ${i}`,
        email: `${tag}-${i}@bench.test`,
      })),
      select: { id: true },
    });
    const [instructor, ...rest] = users.map((u) => u.id);
    const group = await setup.group.create({
      data: {
        name: tag,
        joinCode: `${tag}-code`.toUpperCase(),
        memberships: {
          create: [
            { userId: instructor!, role: "INSTRUCTOR" },
            ...rest.map((userId) => ({ userId, role: "STUDENT" as const })),
          ],
        },
      },
      select: { id: true },
    });
    return { groupId: group.id, instructor: instructor!, students: rest };
  }
  const big = await seminar("big", STUDENTS);
  const small = await seminar("small", SMALL_GROUP);
  const source = await setup.source.findUniqueOrThrow({
    where: { slug: "soviet-note" },
    select: { id: true, editions: { select: { id: true }, take: 1 } },
  });
  async function assignments(s: { groupId: string; instructor: string }, count: number, dueInHours: number) {
    return setup.assignment.createManyAndReturn({
      data: Array.from({ length: count }, (_, i) => ({
        groupId: s.groupId,
        createdById: s.instructor,
        title: `Week ${i}`,
        opensAt: new Date(Date.now() - HOUR_MS),
        dueAt: new Date(Date.now() + dueInHours * HOUR_MS),
        timeZone: "UTC",
        minAnnotations: 1,
        gradesReleasedAt: new Date(),
      })),
      select: { id: true },
    });
  }
  // Readings for the due-date job's progress.
  const due = [...(await assignments(big, 1, 20)), ...(await assignments(small, 1, 20))];
  await setup.assignmentReading.createMany({
    data: due.map((a) => ({ assignmentId: a.id, position: 0, sourceId: source.id })),
  });
  // A thread with 20 participants (the author and 19 repliers) in the big group.
  const thread = await setup.annotation.create({
    data: {
      sourceId: source.id,
      editionId: source.editions[0]!.id,
      groupId: big.groupId,
      authorId: big.students[0]!,
      visibility: "GROUP",
      positionStart: 0,
      positionEnd: 5,
      bodyText: "A question.",
    },
    select: { id: true },
  });
  await setup.annotation.createMany({
    data: big.students.slice(1, PARTICIPANTS).map((authorId) => ({
      sourceId: source.id,
      editionId: source.editions[0]!.id,
      groupId: big.groupId,
      authorId,
      parentId: thread.id,
      visibility: "GROUP" as const,
      bodyText: "An answer.",
    })),
  });
  await setup.$disconnect();

  process.env.DATABASE_URL = connectionString;
  if (embedded) process.env.GLOSSA_EMBEDDED_DATABASE = "1";
  const counted = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: 4 }),
    log: [{ emit: "event", level: "query" }],
  });
  let statements = 0;
  counted.$on("query", () => {
    statements += 1;
  });
  Object.assign(globalThis, { glossaPrisma: counted, glossaPrismaReads: counted });
  const { notifyAssignmentsOpened } = await import("../../lib/notifications/notify-assignment-opened.ts");
  const { notifyDueSoon } = await import("../../lib/notifications/notify-due-soon.ts");
  const { notifyGradesReleased } = await import("../../lib/notifications/notify-grades.ts");
  const { notifyAnnotationPosted } = await import("../../lib/notifications/notify-annotation-posted.ts");
  const { catchUpNotifications } = await import("../../lib/notifications/run-notification-jobs.ts");
  const { findNotifications, countUnreadNotifications } =
    await import("../../lib/notifications/find-notifications.ts");

  // Fresh targets for each run of the one-off notifications (each event notifies once).
  const opened = { big: await assignments(big, RUNS, 72), small: await assignments(small, 1, 72) };
  const graded = { big: await assignments(big, RUNS, 72), small: await assignments(small, 1, 72) };
  const reader = { userId: big.students[1]! };
  const reply = async () => {
    const row = await counted.annotation.create({
      data: {
        sourceId: source.id,
        editionId: source.editions[0]!.id,
        groupId: big.groupId,
        authorId: big.students[PARTICIPANTS]!,
        parentId: thread.id,
        visibility: "GROUP",
        bodyText: "One more answer.",
      },
      select: { id: true },
    });
    return notifyAnnotationPosted(row.id);
  };

  console.log(
    `notifications: ${STUDENTS} students (and ${SMALL_GROUP}), ${serverUrl ? "PostgreSQL server" : "embedded PGlite"}, ` +
      `load average ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `step                                 median      p95   SQL statements (${STUDENTS} / ${SMALL_GROUP})`,
  );
  const steps: [string, (run: number) => Promise<unknown>, (() => Promise<unknown>) | null][] = [
    [
      "assignment opened (all students)",
      (run) => notifyAssignmentsOpened({ assignmentIds: [opened.big[run]!.id] }),
      () => notifyAssignmentsOpened({ assignmentIds: [opened.small[0]!.id] }),
    ],
    [
      "grades released (all students)",
      (run) => notifyGradesReleased(graded.big[run]!.id, big.instructor),
      () => notifyGradesReleased(graded.small[0]!.id, small.instructor),
    ],
    ["due-soon job (first run, then none)", () => notifyDueSoon(), null],
    [`reply, ${PARTICIPANTS} in the thread`, () => reply(), null],
    [
      "page load: catch-up + bell count",
      () => catchUpNotifications(reader.userId).then(() => countUnreadNotifications(reader)),
      null,
    ],
    ["notifications page (50 listed)", () => findNotifications(reader), null],
  ];
  for (const [name, run, smaller] of steps) {
    const samples: number[] = [];
    let first = 0;
    for (let n = 0; n < RUNS; n++) {
      const before = statements;
      const started = performance.now();
      await run(n);
      samples.push(performance.now() - started);
      if (n === 0) first = statements - before;
    }
    let smallCount = "";
    if (smaller) {
      const before = statements;
      await smaller();
      smallCount = ` / ${statements - before}`;
    }
    samples.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(36)} ${percentile(samples, 50).toFixed(1).padStart(7)} ms ${percentile(samples, 95).toFixed(1).padStart(7)} ms ` +
        `${String(first).padStart(8)}${smallCount}`,
    );
  }
  const made = await counted.notification.count();
  console.log(`${made} notifications made in all`);
  await counted.$disconnect();
} finally {
  await scratch?.drop();
  await embedded?.stop();
}
process.exit(0);
