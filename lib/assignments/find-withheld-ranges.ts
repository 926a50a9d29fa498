import "server-only";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import type { WithheldRange } from "@/lib/auth/policy";
import { readingOf, type ReadingBounds, type WorkItem } from "./progress.ts";
import { findDiscussionRanges } from "./find-discussion-ranges.ts";
import { lockedReadings } from "./reveal.ts";
import {
  BOUNDARY_PASSAGE_SELECT,
  readingBounds,
  readingPassagesWhere,
  withheldEditions,
} from "./reading-bounds.ts";

/** What this module reads with: the app's client, a transaction, or the read replica. */
export type RevealClient = Pick<PrismaClient, "assignment" | "passage" | "annotation">;

/** Where a student stands on one assignment with reveal after posting. */
export interface RevealState {
  assignmentId: string;
  groupId: string;
  /** The number of their own annotations to post (the assignment's minimum annotations). */
  required: number;
  /** The staff's notes are shown from the start (not withheld with the classmates'). */
  staffNotesShown: boolean;
  inEachReading: boolean;
  /** Per reading, in the readings' order: how many they posted there, and whether it is still locked. */
  readings: { bounds: ReadingBounds; posted: number; locked: boolean }[];
  /** How many they posted over all the readings. */
  posted: number;
  /** Nothing of the assignment is withheld from them any more. */
  unlocked: boolean;
}

/**
 * Where a student (`userId`) stands on every assignment with reveal after posting of the groups in
 * which they are a student, that has opened (open, past due or closed: the rule holds until the
 * assignment is deleted). What they posted counts as progress counts it (progress.ts: inside an
 * assigned reading, since the assignment opened), but only their own thread roots visible to the
 * whole group and not deleted: a note for the instructors alone shares nothing with the class.
 * With "in each reading" each reading unlocks on its own; otherwise all unlock together, once the
 * total reaches the minimum. Three queries at most, whatever the number of assignments or notes.
 */
export async function findRevealStates(
  client: RevealClient,
  userId: string,
  now = new Date(),
): Promise<RevealState[]> {
  const assignments = await client.assignment.findMany({
    where: {
      revealAfterPosting: true,
      opensAt: { lte: now },
      group: { memberships: { some: { userId, role: "STUDENT" } } },
    },
    select: {
      id: true,
      groupId: true,
      opensAt: true,
      minAnnotations: true,
      inEachReading: true,
      revealStaffNotes: true,
      readings: {
        orderBy: { position: "asc" },
        select: { sourceId: true, firstSentence: true, lastSentence: true },
      },
    },
  });
  if (assignments.length === 0) return [];
  const allReadings = assignments.flatMap((a) => a.readings);
  const [passages, own] = await Promise.all([
    client.passage.findMany({ where: readingPassagesWhere(allReadings), select: BOUNDARY_PASSAGE_SELECT }),
    client.annotation.findMany({
      where: {
        authorId: userId,
        parentId: null,
        visibility: "GROUP",
        deletedAt: null,
        groupId: { in: [...new Set(assignments.map((a) => a.groupId))] },
        sourceId: { in: [...new Set(allReadings.map((r) => r.sourceId))] },
      },
      select: {
        groupId: true,
        sourceId: true,
        editionId: true,
        positionStart: true,
        positionEnd: true,
        createdAt: true,
      },
    }),
  ]);
  return assignments.map((assignment) => {
    const bounds = readingBounds(assignment.readings, passages);
    const counts = bounds.map(() => 0);
    for (const row of own) {
      if (row.groupId !== assignment.groupId || row.createdAt < assignment.opensAt) continue;
      const reading = readingOf(workItem(row), bounds);
      if (reading >= 0) counts[reading]! += 1;
    }
    // Reveal needs a minimum of at least one (the form refuses 0); one stored before that rule holds 1.
    const required = Math.max(1, assignment.minAnnotations);
    const posted = counts.reduce((sum, n) => sum + n, 0);
    const locked = lockedReadings(counts, required, assignment.inEachReading);
    const readings = bounds.map((b, i) => ({ bounds: b, posted: counts[i]!, locked: locked[i]! }));
    return {
      assignmentId: assignment.id,
      groupId: assignment.groupId,
      required,
      staffNotesShown: assignment.revealStaffNotes,
      inEachReading: assignment.inEachReading,
      readings,
      posted,
      unlocked: readings.every((r) => !r.locked),
    };
  });
}

function workItem(row: {
  sourceId: string;
  editionId: string;
  positionStart: number | null;
  positionEnd: number | null;
  createdAt: Date;
}): WorkItem {
  return {
    authorId: "",
    reply: false,
    question: false,
    sourceId: row.sourceId,
    editionId: row.editionId,
    start: row.positionStart,
    end: row.positionEnd,
    words: 0,
    createdAt: row.createdAt,
  };
}

/**
 * The ranges withheld from a student, by group, as the policy takes them (`MembershipRole.withheld`):
 * the readings still locked of every assignment with reveal after posting (findRevealStates), and
 * the readings of every assignment with small groups, sparing their discussion-group mates
 * (findDiscussionRanges). The policy withholds what any of them withholds.
 */
export async function findWithheldRanges(
  client: RevealClient,
  userId: string,
  now = new Date(),
): Promise<Map<string, WithheldRange[]>> {
  const [states, withheld] = await Promise.all([
    findRevealStates(client, userId, now),
    findDiscussionRanges(client, userId, now),
  ]);
  for (const state of states) {
    for (const reading of state.readings) {
      if (!reading.locked) continue;
      const list = withheld.get(state.groupId) ?? [];
      list.push({
        sourceId: reading.bounds.sourceId,
        editions: withheldEditions(reading.bounds),
        staffNotesShown: state.staffNotesShown,
      });
      withheld.set(state.groupId, list);
    }
  }
  return withheld;
}
