import "server-only";
import { sourceOfGroupWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { prepareBody } from "@/lib/annotations/prepare-body";
import { isEmptyBody, validateBody } from "@/lib/annotations/body/validate-body";
import type { JSONContent } from "@tiptap/core";
import { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { invalidField, isAppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { AssignmentInputSchema } from "./schema.ts";
import { zonedTimeToUtc } from "./zoned-time.ts";

/** An assignment's columns and readings as they are saved, from checked input. */
export interface PreparedAssignment {
  data: {
    title: string;
    instructions: JSONContent | typeof Prisma.DbNull;
    instructionsHtml: string;
    opensAt: Date;
    dueAt: Date;
    timeZone: string;
    minAnnotations: number;
    minReplies: number;
    minQuestions: number;
    inEachReading: boolean;
    revealAfterPosting: boolean;
    anonymousToPeers: boolean;
    revealStaffNotes: boolean;
    discussionGroupSize: number | null;
  };
  readings: {
    position: number;
    sourceId: string;
    firstSentence: number | null;
    lastSentence: number | null;
  }[];
}

/**
 * Checks an assignment from outside (AssignmentInputSchema), then against the database: each
 * reading's source exists and group `groupId` may read it (public, or the group's own) and its
 * sentence range lies inside the source's current edition; with small groups, the discussion groups'
 * size is at most the class's. The instructions are validated, checked and rendered exactly as
 * annotation bodies (`prepareBody`), so they are shown as the same safe HTML. Nothing is written.
 */
export async function prepareAssignment(
  authorId: string,
  groupId: string,
  input: unknown,
): Promise<PreparedAssignment> {
  const parsed = parseInput(AssignmentInputSchema, input);
  const opensAt = zonedTimeToUtc(parsed.opensAt, parsed.timeZone);
  const dueAt = zonedTimeToUtc(parsed.dueAt, parsed.timeZone);
  if (!opensAt) throw invalidField("opensAt", "timeInvalid");
  if (!dueAt) throw invalidField("dueAt", "timeInvalid");
  if (dueAt <= opensAt) throw invalidField("dueAt", "dueBeforeOpens");

  const slugs = [...new Set(parsed.readings.map((r) => r.source))];
  const sources = await db.source.findMany({
    where: { slug: { in: slugs }, ...sourceOfGroupWhere(groupId) },
    select: {
      id: true,
      slug: true,
      editions: { orderBy: { number: "desc" }, take: 1, select: { _count: { select: { passages: true } } } },
    },
  });
  const bySlug = new Map(sources.map((s) => [s.slug, s]));
  const readings = parsed.readings.map((reading, position) => {
    const source = bySlug.get(reading.source);
    if (!source) throw invalidField(`readings.${position}.source`, "readingSourceInvalid");
    const sentences = source.editions[0]?._count.passages ?? 0;
    if (reading.lastSentence !== undefined && reading.lastSentence > sentences) {
      throw invalidField(`readings.${position}.lastSentence`, "rangeOutsideSource");
    }
    return {
      position,
      sourceId: source.id,
      firstSentence: reading.firstSentence ?? null,
      lastSentence: reading.lastSentence ?? null,
    };
  });

  const discussionGroupSize = parsed.smallGroups ? parsed.discussionGroupSize! : null;
  if (discussionGroupSize !== null) {
    const students = await db.membership.count({ where: { groupId, role: "STUDENT" } });
    if (discussionGroupSize > students) {
      throw invalidField("discussionGroupSize", "discussionGroupSizeTooLarge");
    }
  }

  const body = await prepareInstructions(authorId, parsed.instructions);
  return {
    data: {
      title: parsed.title,
      instructions: body?.body ?? Prisma.DbNull,
      instructionsHtml: body?.bodyHtml ?? "",
      opensAt,
      dueAt,
      timeZone: parsed.timeZone,
      minAnnotations: parsed.minAnnotations,
      minReplies: parsed.minReplies,
      minQuestions: parsed.minQuestions,
      inEachReading: parsed.inEachReading,
      revealAfterPosting: parsed.revealAfterPosting,
      anonymousToPeers: parsed.anonymousToPeers,
      revealStaffNotes: parsed.revealStaffNotes,
      discussionGroupSize,
    },
    readings,
  };
}

/** Instructions as an annotation body is checked (none when empty), their errors on the field. */
async function prepareInstructions(authorId: string, input: unknown) {
  if (input === undefined || input === null) return null;
  try {
    if (isEmptyBody(validateBody(input).doc)) return null;
    return await prepareBody(db, authorId, "comment", input);
  } catch (error) {
    if (isAppError(error, "INVALID")) throw invalidField("instructions", error.message);
    throw error;
  }
}
