/**
 * `npm run bench:assignments`: the staff's views of an assignment over the Soviet note whole, in a
 * seminar of 200 students who posted 5,000 annotations (and their replies) there, with a three-
 * criterion rubric scored for every student and feedback for some: median and p95 of the services
 * behind the progress table, the CSV with scores (untranslated headers), the heat map and a student's page (the
 * database's work and the counting, no HTTP), over 30 sequential calls after 5 warm-up ones, and
 * the number of SQL statements each sends. The same views of a copy of the assignment in a group of
 * 10 of those students show that the number of statements does not grow with the students. Then
 * a student's reader index on the assignment with reveal after posting, before and after they post
 * the three annotations it asks for: time, statements, threads and bytes of the packed index.
 * BENCH_DATABASE_URL names a PostgreSQL server (a scratch database is made on it and dropped), else
 * the embedded database (PGlite) runs in memory. Run with the react-server condition (the npm
 * script does), so server modules load.
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
import { BENCH_SEMINAR, seedAnnotations } from "./seed-annotations.ts";

const root = path.resolve(import.meta.dirname, "../..");
const STUDENTS = 200;
const SMALL_GROUP = 10;
const ANNOTATIONS = 5_000;
const WARM_UP = 5;
const RUNS = 30;

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
  const seeded = await seedAnnotations(prisma, {
    sourceSlug: "soviet-note",
    ...BENCH_SEMINAR,
    students: STUDENTS,
    annotations: ANNOTATIONS,
  });
  const instructor = await prisma.user.findUniqueOrThrow({
    where: { email: seeded.instructor.email },
    select: { id: true, currentGroupId: true },
  });
  const groupId = instructor.currentGroupId!;
  const students = await prisma.membership.findMany({
    where: { groupId, role: "STUDENT" },
    orderBy: { userId: "asc" },
    select: { userId: true },
  });
  const source = await prisma.source.findUniqueOrThrow({
    where: { slug: "soviet-note" },
    select: { id: true },
  });
  // The seeded work is dated from 1 October 2025, a minute apart: due on the 3rd, some is late.
  const times = {
    opensAt: new Date(Date.UTC(2025, 8, 1)),
    dueAt: new Date(Date.UTC(2025, 9, 3)),
    timeZone: "UTC",
  };
  const criteria = [
    { title: "Engages the text", maxPoints: 5 },
    { title: "Responds to peers", maxPoints: 3 },
    { title: "Uses evidence", maxPoints: 4 },
  ];
  const assignment = await prisma.assignment.create({
    data: {
      groupId,
      title: "Bench week",
      ...times,
      minAnnotations: 3,
      minReplies: 1,
      readings: { create: [{ position: 0, sourceId: source.id }] },
      criteria: { create: criteria.map((c, position) => ({ ...c, position })) },
    },
    select: { id: true, criteria: { select: { id: true, maxPoints: true } } },
  });
  await prisma.rubricScore.createMany({
    data: students.flatMap((s, i) =>
      assignment.criteria.map((c) => ({
        criterionId: c.id,
        assignmentId: assignment.id,
        studentId: s.userId,
        points: i % (c.maxPoints + 1),
        comment: "Seen.",
      })),
    ),
  });
  const firstWork = await prisma.annotation.findMany({
    where: { groupId, parentId: null },
    distinct: ["authorId"],
    select: { id: true, authorId: true },
  });
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Good." }] }] };
  await prisma.assignmentFeedback.createMany({
    data: firstWork.map((w, i) => ({
      assignmentId: assignment.id,
      studentId: w.authorId,
      annotationId: i % 2 === 0 ? w.id : null,
      authorId: instructor.id,
      body,
      bodyHtml: "<p>Good.</p>",
    })),
  });
  const small = await prisma.group.create({
    data: {
      name: "Bench small seminar",
      joinCode: "BENCH-SMALL",
      memberships: {
        create: [
          { userId: instructor.id, role: "INSTRUCTOR" },
          ...students.slice(0, SMALL_GROUP).map((s) => ({ userId: s.userId, role: "STUDENT" as const })),
        ],
      },
    },
    select: { id: true },
  });
  const smallAssignment = await prisma.assignment.create({
    data: {
      groupId: small.id,
      title: "Bench week (small group)",
      ...times,
      readings: { create: [{ position: 0, sourceId: source.id }] },
      criteria: { create: criteria.map((c, position) => ({ ...c, position })) },
    },
    select: { id: true },
  });
  const busiest = await prisma.annotation.groupBy({
    by: ["authorId"],
    where: { groupId },
    _count: { _all: true },
    orderBy: { _count: { authorId: "desc" } },
    take: 1,
  });
  await prisma.$disconnect();

  // The app's one client, made here so that every SQL statement it sends is counted.
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

  const { getAssignmentProgress } = await import("../../lib/assignments/get-assignment-progress.ts");
  // exportProgress itself translates with next-intl, which does not load outside Next here: its
  // data and the CSV text are measured (the same queries), with the column keys as headers.
  const { loadGrades, gradeSheetOf } = await import("../../lib/assignments/load-grades.ts");
  const { progressCsv, PROGRESS_CSV_COLUMNS } = await import("../../lib/assignments/progress-csv.ts");
  async function csvWithScores(id: string) {
    const [rows, grades] = await Promise.all([getAssignmentProgress(actor, id), loadGrades(actor, [id])]);
    const titles = (grades.criteria.get(id) ?? []).map((c) => c.title);
    return progressCsv(rows, PROGRESS_CSV_COLUMNS, String, {
      headers: [...titles, "total"],
      valuesOf: (userId) => {
        const sheet = gradeSheetOf(grades, id, userId);
        return sheet ? [...sheet.criteria.map((c) => c.score?.points ?? ""), sheet.total] : [];
      },
    });
  }
  const { getReadingHeatMap } = await import("../../lib/assignments/get-reading-heat-map.ts");
  const { getStudentWork } = await import("../../lib/assignments/get-student-work.ts");
  const { getGradeSheet } = await import("../../lib/assignments/get-grade-sheet.ts");
  const actor = { userId: instructor.id };
  const student = busiest[0]!.authorId;

  const views = (id: string, who: string): [string, () => Promise<unknown>][] => [
    ["progress table", () => getAssignmentProgress(actor, id)],
    ["CSV with scores", () => csvWithScores(id)],
    ["heat map", () => getReadingHeatMap(actor, id)],
    ["student's page", () => Promise.all([getStudentWork(actor, id, who), getGradeSheet(actor, id, who)])],
  ];

  console.log(
    `assignments: ${STUDENTS} students, ${seeded.annotations} annotations and ${seeded.replies} replies on ` +
      `soviet-note (the whole source assigned), ${serverUrl ? "PostgreSQL server" : "embedded PGlite"}, ` +
      `load average ${loadavg()[0]!.toFixed(2)}`,
  );
  console.log(
    `view                 median      p95   SQL statements (${STUDENTS} students / ${SMALL_GROUP} students)`,
  );
  for (const [i, [name, run]] of views(assignment.id, student).entries()) {
    const samples: number[] = [];
    let perCall = 0;
    for (let n = 0; n < WARM_UP + RUNS; n++) {
      const before = statements;
      const started = performance.now();
      await run();
      const ms = performance.now() - started;
      perCall = statements - before;
      if (n >= WARM_UP) samples.push(ms);
    }
    const before = statements;
    await views(smallAssignment.id, students[0]!.userId)[i]![1]();
    const small = statements - before;
    samples.sort((a, b) => a - b);
    console.log(
      `${name.padEnd(18)} ${percentile(samples, 50).toFixed(1).padStart(7)} ms ${percentile(samples, 95).toFixed(1).padStart(7)} ms ` +
        `${String(perCall).padStart(8)} / ${small}`,
    );
  }

  // Reveal after posting: the same assignment with the option on (3 annotations to post), read by a
  // student of the group who has posted nothing yet (peers' notes withheld: the index filtered on
  // top of the shared part), then after their three (everything shown).
  const { listAnnotationIndex } = await import("../../lib/annotations/list-annotation-index.ts");
  const { packIndex } = await import("../../lib/annotations/index/wire.ts");
  await counted.assignment.update({ where: { id: assignment.id }, data: { revealAfterPosting: true } });
  const newcomer = await counted.user.create({
    data: {
      email: "bench-newcomer@example.org",
      name: "Bench Newcomer",
      currentGroupId: groupId,
      memberships: { create: { groupId, role: "STUDENT" } },
    },
    select: { id: true },
  });
  const reader = { userId: newcomer.id };
  console.log("reader's index       median      p95   SQL statements   threads   bytes");
  for (const phase of ["before reveal", "after reveal"]) {
    if (phase === "after reveal") {
      const template = await counted.annotation.findFirstOrThrow({
        where: { groupId, parentId: null, visibility: "GROUP", deletedAt: null },
        select: {
          sourceId: true,
          editionId: true,
          kind: true,
          quoteExact: true,
          quotePrefix: true,
          quoteSuffix: true,
          positionStart: true,
          positionEnd: true,
          bodyHtml: true,
          bodyText: true,
        },
      });
      await counted.annotation.createMany({
        data: [1, 2, 3].map(() => ({
          ...template,
          groupId,
          authorId: newcomer.id,
          visibility: "GROUP" as const,
        })),
      });
    }
    const samples: number[] = [];
    let perCall = 0;
    let threads = 0;
    let bytes = 0;
    for (let n = 0; n < WARM_UP + RUNS; n++) {
      const before = statements;
      const started = performance.now();
      const index = await listAnnotationIndex(reader, "soviet-note");
      const json = JSON.stringify(packIndex(index));
      const ms = performance.now() - started;
      perCall = statements - before;
      threads = index.annotations.length;
      bytes = Buffer.byteLength(json);
      if (n >= WARM_UP) samples.push(ms);
    }
    samples.sort((a, b) => a - b);
    console.log(
      `${phase.padEnd(18)} ${percentile(samples, 50).toFixed(1).padStart(7)} ms ${percentile(samples, 95).toFixed(1).padStart(7)} ms ` +
        `${String(perCall).padStart(8)}         ${String(threads).padStart(7)} ${String(bytes).padStart(7)}`,
    );
  }
  await counted.$disconnect();
} finally {
  await scratch?.drop();
  await embedded?.stop();
}
process.exit(0);
