import "server-only";
import { db } from "@/lib/db";
import { assignmentWhere, type Actor } from "@/lib/auth/policy";
import { loadProgress } from "./load-progress.ts";
import type { StudentProgress } from "./progress.ts";

export interface ReaderAssignment {
  id: string;
  title: string;
  instructionsHtml: string;
  dueAt: Date;
  requirements: { minAnnotations: number; minReplies: number; minQuestions: number; inEachReading: boolean };
  /** The assigned sentences of this source (null: the whole source), in the readings' order. */
  ranges: { firstSentence: number | null; lastSentence: number | null }[];
  /** The reader's own progress when they are a student of the group; null for its staff. */
  progress: StudentProgress | null;
}

/**
 * The open assignments (opened, not closed) of `group` that include the source, for a member of
 * the group reading it; an empty list for anyone else. `group` "current": the reader's current group
 * (the header's), as the reader page shows it.
 */
export async function findReaderAssignments(
  actor: Actor,
  group: string | null,
  sourceSlug: string,
  now = new Date(),
): Promise<ReaderAssignment[]> {
  if (!actor) return [];
  const groupId =
    group === "current"
      ? ((await db.user.findUnique({ where: { id: actor.userId }, select: { currentGroupId: true } }))
          ?.currentGroupId ?? null)
      : group;
  if (!groupId) return [];
  const rows = await db.assignment.findMany({
    where: {
      groupId,
      ...assignmentWhere(actor, "assignment.read"),
      closedAt: null,
      opensAt: { lte: now },
      readings: { some: { source: { slug: sourceSlug } } },
    },
    orderBy: { dueAt: "asc" },
    select: {
      id: true,
      title: true,
      instructionsHtml: true,
      dueAt: true,
      minAnnotations: true,
      minReplies: true,
      minQuestions: true,
      inEachReading: true,
      readings: {
        where: { source: { slug: sourceSlug } },
        orderBy: { position: "asc" },
        select: { firstSentence: true, lastSentence: true },
      },
      group: { select: { memberships: { where: { userId: actor.userId }, select: { role: true } } } },
    },
  });
  return Promise.all(
    rows.map(async (row) => {
      const student = row.group.memberships[0]?.role === "STUDENT";
      const progress = student ? ((await loadProgress(row.id, actor.userId, now))[0] ?? null) : null;
      return {
        id: row.id,
        title: row.title,
        instructionsHtml: row.instructionsHtml,
        dueAt: progress?.dueAt ?? row.dueAt,
        requirements: {
          minAnnotations: row.minAnnotations,
          minReplies: row.minReplies,
          minQuestions: row.minQuestions,
          inEachReading: row.inEachReading,
        },
        ranges: row.readings,
        progress,
      };
    }),
  );
}
