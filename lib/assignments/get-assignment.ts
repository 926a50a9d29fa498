import "server-only";
import type { JSONContent } from "@tiptap/core";
import { db } from "@/lib/db";
import { assignmentWhere, canOnAssignments, type Actor } from "@/lib/auth/policy";
import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { AppError, NotFoundError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

export interface AssignmentReadingView {
  sourceSlug: string;
  titlePl: string;
  titleEn: string;
  firstSentence: number | null;
  lastSentence: number | null;
}

export interface AssignmentDetail {
  id: string;
  groupId: string;
  groupName: string;
  myRole: GroupRole;
  title: string;
  instructions: JSONContent | null;
  instructionsHtml: string;
  opensAt: Date;
  dueAt: Date;
  timeZone: string;
  closedAt: Date | null;
  /** When grades and feedback were released to the students; null: not (yet). */
  gradesReleasedAt: Date | null;
  minAnnotations: number;
  minReplies: number;
  minQuestions: number;
  inEachReading: boolean;
  revealAfterPosting: boolean;
  /** Anonymous to peers: classmates shown to students under pseudonyms on the readings. */
  anonymousToPeers: boolean;
  revealStaffNotes: boolean;
  /** Small groups: the discussion groups' size; null when the option is off. */
  discussionGroupSize: number | null;
  /**
   * With small groups, for a student: the names of their discussion-group mates, whose notes they
   * read (null: not placed yet); for the staff, and without small groups, null.
   */
  discussionMates: string[] | null;
  readings: AssignmentReadingView[];
  /** Staff only: every student's extension (empty for students). */
  extensions: { userId: string; name: string; dueAt: Date }[];
}

/** One assignment for a member of its group; NOT_FOUND for anyone else. */
export async function getAssignment(actor: Actor, assignmentId: string): Promise<AssignmentDetail> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const found = await db.assignment.findFirst({
    where: { id: parseId(assignmentId, "assignmentNotFound"), ...assignmentWhere(actor, "assignment.read") },
    include: {
      group: {
        select: { name: true, memberships: { where: { userId: actor.userId }, select: { role: true } } },
      },
      readings: {
        orderBy: { position: "asc" },
        select: {
          firstSentence: true,
          lastSentence: true,
          source: { select: { slug: true, titlePl: true, titleEn: true } },
        },
      },
      extensions: { select: { userId: true, dueAt: true, user: { select: { name: true } } } },
      discussionMembers: {
        where: { userId: actor.userId },
        select: {
          discussionGroup: {
            select: { members: { select: { userId: true, user: { select: { name: true } } } } },
          },
        },
      },
    },
  });
  if (!found) throw new NotFoundError("assignmentNotFound");
  const myRole = found.group.memberships[0]!.role;
  const staff = canOnAssignments(myRole, "assignment.manage");
  return {
    id: found.id,
    groupId: found.groupId,
    groupName: found.group.name,
    myRole,
    title: found.title,
    instructions: (found.instructions as JSONContent | null) ?? null,
    instructionsHtml: found.instructionsHtml,
    opensAt: found.opensAt,
    dueAt: found.dueAt,
    timeZone: found.timeZone,
    closedAt: found.closedAt,
    gradesReleasedAt: found.gradesReleasedAt,
    minAnnotations: found.minAnnotations,
    minReplies: found.minReplies,
    minQuestions: found.minQuestions,
    inEachReading: found.inEachReading,
    revealAfterPosting: found.revealAfterPosting,
    anonymousToPeers: found.anonymousToPeers,
    revealStaffNotes: found.revealStaffNotes,
    discussionGroupSize: found.discussionGroupSize,
    discussionMates:
      found.discussionGroupSize === null || !found.discussionMembers[0]
        ? null
        : found.discussionMembers[0].discussionGroup.members
            .filter((m) => m.userId !== actor.userId)
            .map((m) => m.user.name)
            .sort((a, b) => a.localeCompare(b)),
    readings: found.readings.map((r) => ({
      sourceSlug: r.source.slug,
      titlePl: r.source.titlePl,
      titleEn: r.source.titleEn,
      firstSentence: r.firstSentence,
      lastSentence: r.lastSentence,
    })),
    extensions: staff
      ? found.extensions.map((e) => ({ userId: e.userId, name: e.user.name, dueAt: e.dueAt }))
      : [],
  };
}
