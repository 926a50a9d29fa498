/**
 * The data of `npm run bench:annotations`: a seminar group whose students have annotated one source
 * thousands of times, written straight to the database in a few large inserts.
 */
import { describe } from "../../lib/anchoring/describe.ts";
import { bodyFromPlainText } from "../../lib/annotations/body/plain-text-body.ts";
import { renderBodyHtml } from "../../lib/annotations/body/render-body.ts";
import { hashPassword } from "../../lib/auth/password.ts";
import type { PrismaClient } from "../../lib/db/create-prisma-client.ts";
import type { Prisma } from "../../lib/db/generated/prisma/client.ts";
import type { AnnotationKind } from "../../lib/db/generated/prisma/enums.ts";
import { generateJoinCode } from "../../lib/groups/join-code.ts";
import { seededRandom, type SeededRandom } from "./seeded-random.ts";

export interface SeedOptions {
  sourceSlug: string;
  annotations: number;
  students: number;
  /** Share of annotations that get 1–3 replies. */
  replyRate: number;
  /** Longest annotated range, in characters (the shortest is 1). */
  longestRange: number;
  seed: number;
}

/** The seminar both annotation benchmarks seed (fixed seed, so runs are comparable). */
export const BENCH_SEMINAR = {
  annotations: 5_000,
  students: 30,
  replyRate: 0.1,
  longestRange: 120,
  seed: 20_250_917,
} satisfies Omit<SeedOptions, "sourceSlug">;

export interface Account {
  email: string;
  password: string;
}

export interface SeededData {
  /** Instructor of the group (their current group), who reads every annotation in it. */
  instructor: Account;
  /** One of the students, who edits their own annotations through the app in the benchmark. */
  student: Account;
  /** A user with no group and no annotations: the same page without any highlight. */
  loner: Account;
  annotations: number;
  replies: number;
  textLength: number;
}

/** Rows per INSERT: ~20 columns each stays well under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 500;
const PASSWORD = "correct horse battery staple";
const KINDS: readonly AnnotationKind[] = ["HIGHLIGHT", "HIGHLIGHT", "COMMENT", "COMMENT", "QUESTION"];
const TAGS = ["propaganda", "chronology", "diplomacy", "terminology", "law", "source-criticism"];
const OPENINGS = [
  "Compare this with the German note of 1 September.",
  "Who is the intended audience here?",
  "The phrasing echoes the non-aggression pact.",
  "Is this claim supported by any other source?",
  "Note the date and the hour of delivery.",
  "This justification reappears in later Soviet historiography.",
  "Why does the note speak of protection rather than occupation?",
  "The ambassador's refusal matters for the legal argument.",
];
const FOLLOW_UPS = [
  "See the seminar reading for week 3.",
  "I am not sure the translation keeps the nuance.",
  "Grzybowski's memoirs give a different account.",
  "The term is used loosely.",
  "Worth discussing in class.",
  "International law of the time is relevant here.",
];

/** A comment of one to three sentences, sometimes over two lines. */
function remark(random: SeededRandom): string {
  const lines = [random.pick(OPENINGS)];
  for (let i = random.int(0, 2); i > 0; i--) lines.push(random.pick(FOLLOW_UPS));
  return random.chance(0.3) ? `${lines[0]}\n${lines.slice(1).join(" ")}` : lines.join(" ");
}

function bodyColumns(text: string) {
  const body = bodyFromPlainText(text);
  return { body: body as Prisma.InputJsonValue, bodyText: text, bodyHtml: renderBodyHtml(body) };
}

/**
 * A range of 1 to `longest` characters that starts on a letter inside a passage (sentence) and does
 * not end on a space, as a reader's selection would; it may run on into the next sentences.
 */
function randomRange(
  random: SeededRandom,
  text: string,
  passages: { start: number; end: number }[],
  longest: number,
) {
  for (;;) {
    const passage = random.pick(passages);
    const start = random.int(passage.start, passage.end - 1);
    let end = Math.min(text.length, start + random.int(1, longest));
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (end > start && !/\s/u.test(text[start]!)) return { start, end };
  }
}

/** Seeds the group, its members and their annotations on the latest edition of `sourceSlug`. */
export async function seedAnnotations(prisma: PrismaClient, options: SeedOptions): Promise<SeededData> {
  const random = seededRandom(options.seed);
  const source = await prisma.source.findUniqueOrThrow({
    where: { slug: options.sourceSlug },
    select: {
      id: true,
      editions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          text: true,
          passages: { orderBy: { start: "asc" }, select: { start: true, end: true } },
        },
      },
    },
  });
  const edition = source.editions[0]!;

  const passwordHash = await hashPassword(PASSWORD);
  const instructor = { email: "instructor@bench.example", password: PASSWORD };
  const firstStudent = { email: "student-1@bench.example", password: PASSWORD };
  const loner = { email: "loner@bench.example", password: PASSWORD };
  const teacher = await prisma.user.create({
    data: { name: "Bench Instructor", email: instructor.email, passwordHash, locale: "en" },
    select: { id: true },
  });
  await prisma.user.create({
    data: { name: "Bench Loner", email: loner.email, passwordHash, locale: "en" },
  });
  const students = await prisma.user.createManyAndReturn({
    data: Array.from({ length: options.students }, (_, i) => ({
      name: `Student ${i + 1}`,
      email: `student-${i + 1}@bench.example`,
      locale: "en",
      // The first signs in to edit their annotations (tests/bench/annotations.ts).
      ...(i === 0 ? { passwordHash } : {}),
    })),
    select: { id: true },
  });
  const group = await prisma.group.create({
    data: {
      name: "Bench seminar",
      term: "2025/26 winter",
      joinCode: generateJoinCode(),
      memberships: {
        create: [
          { userId: teacher.id, role: "INSTRUCTOR" },
          ...students.map((student) => ({ userId: student.id, role: "STUDENT" as const })),
        ],
      },
    },
    select: { id: true },
  });
  await prisma.user.updateMany({
    where: { id: { in: [teacher.id, ...students.map((student) => student.id)] } },
    data: { currentGroupId: group.id },
  });

  const shared = {
    sourceId: source.id,
    editionId: edition.id,
    groupId: group.id,
    visibility: "GROUP" as const,
  };
  // One minute apart from a fixed date, so the list's order by creation is the same on every run.
  const firstCreated = Date.UTC(2025, 9, 1);
  const roots: Prisma.AnnotationCreateManyInput[] = [];
  for (let i = 0; i < options.annotations; i++) {
    const range = randomRange(random, edition.text, edition.passages, options.longestRange);
    const { quote } = describe(edition.text, range);
    const kind = random.pick(KINDS);
    roots.push({
      ...shared,
      authorId: random.pick(students).id,
      kind,
      quoteExact: quote.exact,
      quotePrefix: quote.prefix,
      quoteSuffix: quote.suffix,
      positionStart: range.start,
      positionEnd: range.end,
      ...(kind === "HIGHLIGHT" ? {} : bodyColumns(remark(random))),
      tags: random.chance(0.3) ? [...new Set([random.pick(TAGS), random.pick(TAGS)])] : [],
      createdAt: new Date(firstCreated + i * 60_000),
    });
  }
  const rootIds: string[] = [];
  for (let i = 0; i < roots.length; i += CHUNK) {
    const rows = await prisma.annotation.createManyAndReturn({
      data: roots.slice(i, i + CHUNK),
      select: { id: true },
    });
    rootIds.push(...rows.map((row) => row.id));
  }

  const replies: Prisma.AnnotationCreateManyInput[] = [];
  rootIds.forEach((parentId, i) => {
    if (!random.chance(options.replyRate)) return;
    for (let n = random.int(1, 3); n > 0; n--) {
      replies.push({
        ...shared,
        parentId,
        authorId: random.pick(students).id,
        kind: "COMMENT",
        ...bodyColumns(random.pick(FOLLOW_UPS)),
        createdAt: new Date(firstCreated + i * 60_000 + n * 1_000),
      });
    }
  });
  for (let i = 0; i < replies.length; i += CHUNK) {
    await prisma.annotation.createMany({ data: replies.slice(i, i + CHUNK) });
  }

  return {
    instructor,
    student: firstStudent,
    loner,
    annotations: roots.length,
    replies: replies.length,
    textLength: edition.text.length,
  };
}
