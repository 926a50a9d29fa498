import "server-only";
import { db } from "@/lib/db";
import { assignmentWhere, type Actor } from "@/lib/auth/policy";
import { givePseudonyms, pseudonymOf } from "./anonymity.ts";
import { findRevealStates, type RevealState } from "./find-withheld-ranges.ts";
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
  /**
   * Reveal after posting, for a student: how many of their own annotations they posted (in this
   * source's reading that is still locked, with "in each reading"; else in all), of how many, and
   * whether classmates' notes on this source are still hidden from them. Null otherwise.
   */
  reveal: { posted: number; required: number; hidden: boolean } | null;
  /**
   * Anonymous to peers: the pseudonym number the reader's classmates see them under, for a student
   * (given now if it was not yet: they are told it before they post); null for the staff, who see
   * names. Null as a whole when the assignment is not anonymous.
   */
  anonymous: { pseudonym: number | null } | null;
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
      revealAfterPosting: true,
      anonymousToPeers: true,
      readings: {
        where: { source: { slug: sourceSlug } },
        orderBy: { position: "asc" },
        select: { sourceId: true, firstSentence: true, lastSentence: true },
      },
      group: { select: { memberships: { where: { userId: actor.userId }, select: { role: true } } } },
    },
  });
  const studentAnywhere = rows.some((row) => row.group.memberships[0]?.role === "STUDENT");
  const reveals =
    studentAnywhere && rows.some((row) => row.revealAfterPosting)
      ? new Map((await findRevealStates(db, actor.userId, now)).map((state) => [state.assignmentId, state]))
      : new Map<string, RevealState>();
  const anonymousAsStudent = rows.filter(
    (row) => row.anonymousToPeers && row.group.memberships[0]?.role === "STUDENT",
  );
  const pseudonyms = anonymousAsStudent.length
    ? await givePseudonyms(anonymousAsStudent.map((row) => ({ assignmentId: row.id, userId: actor.userId })))
    : new Map<string, number>();
  return Promise.all(
    rows.map(async (row) => {
      const student = row.group.memberships[0]?.role === "STUDENT";
      const reveal = student ? reveals.get(row.id) : undefined;
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
        ranges: row.readings.map((r) => ({ firstSentence: r.firstSentence, lastSentence: r.lastSentence })),
        progress,
        reveal: reveal ? revealHere(reveal, row.readings[0]?.sourceId) : null,
        anonymous: row.anonymousToPeers
          ? { pseudonym: student ? (pseudonymOf(pseudonyms, row.id, actor.userId) ?? null) : null }
          : null,
      };
    }),
  );
}

/** A student's reveal state as the banner of one source shows it. */
function revealHere(state: RevealState, sourceId: string | undefined) {
  const here = state.readings.filter((r) => r.bounds.sourceId === sourceId);
  const locked = here.filter((r) => r.locked);
  const posted = state.inEachReading
    ? Math.min(...(locked.length ? locked : here).map((r) => r.posted))
    : state.posted;
  return { posted: Math.min(posted, state.required), required: state.required, hidden: locked.length > 0 };
}
