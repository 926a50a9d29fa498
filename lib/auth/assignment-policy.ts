import type { GroupRole } from "@/lib/db/generated/prisma/enums.ts";
import { replyReadWhere, type Actor, type MembershipRole, type Visibility } from "./policy.ts";

/*
 * The policy's rules for assignments, their grades and exports: who manages and reads a group's
 * assignments, what work counts toward one, what an export carries, who reads rubrics and grades.
 * Part of the policy module: import it from `@/lib/auth/policy`, which re-exports it.
 */

/**
 * Actions on a group's assignments, and the roles allowed each: the group's staff (instructors and
 * teaching assistants) create, edit, close, reopen, copy and delete them, give extensions and read
 * everyone's progress; every member reads the group's assignments and their own progress.
 */
export const ASSIGNMENT_ACTIONS = {
  "assignment.read": ["INSTRUCTOR", "TEACHING_ASSISTANT", "STUDENT"],
  "assignment.manage": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
  /** Edit the rubric, score students, write private feedback, release and take back grades. */
  "assignment.grade": ["INSTRUCTOR", "TEACHING_ASSISTANT"],
} as const satisfies Record<string, readonly GroupRole[]>;

export type AssignmentAction = keyof typeof ASSIGNMENT_ACTIONS;

/** Whether a member with `role` (null: not a member) may perform `action` on the group's assignments. */
export function canOnAssignments(role: GroupRole | null | undefined, action: AssignmentAction): boolean {
  return role != null && (ASSIGNMENT_ACTIONS[action] as readonly GroupRole[]).includes(role);
}

/**
 * The `where` clause on assignments that keeps those of groups in which the actor may perform
 * `action`: `{ id, ...assignmentWhere(actor, "assignment.manage") }` finds an assignment only for its
 * group's staff. Anonymous: nothing.
 */
export function assignmentWhere(actor: Actor, action: AssignmentAction) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    group: {
      memberships: { some: { userId: actor.userId, role: { in: [...ASSIGNMENT_ACTIONS[action]] } } },
    },
  };
}

/**
 * The work that counts toward an assignment of `groupId`: annotations and replies posted in the
 * group that its staff may read (visible to the group or to the instructors), not deleted. A private
 * note never counts, so a student's progress reveals nothing that their instructors cannot read.
 */
export function assignmentWorkWhere(groupId: string) {
  return {
    groupId,
    visibility: { in: ["GROUP", "INSTRUCTORS"] as Visibility[] },
    deletedAt: null,
  };
}

/**
 * Exports (lib/export). What a file carries outlives the reader's screen, so it carries less than
 * the reader shows: a group's or an assignment's export holds the threads its staff read that are
 * shared (visible to the group or to the instructors) and not hidden: never a private note, not even
 * the exporter's own, and never hidden work. Use with `annotationReadWhere`, which it narrows.
 */
export function groupExportWhere(groupId: string) {
  return { groupId, visibility: { in: ["GROUP", "INSTRUCTORS"] as Visibility[] }, hiddenAt: null };
}

/** The threads of a user's own export: every annotation they wrote (in any group, one they left too). */
export function ownExportWhere(actor: { userId: string }) {
  return { authorId: actor.userId };
}

/**
 * The replies an export carries in the threads it holds: those the actor reads (`replyReadWhere`),
 * not deleted, and not hidden unless they are the actor's own.
 */
export function exportedReplyWhere(actor: Actor, memberships: readonly MembershipRole[]) {
  if (!actor) return { id: { in: [] as string[] } };
  return {
    AND: [
      replyReadWhere(actor, memberships),
      { deletedAt: null },
      { OR: [{ hiddenAt: null }, { authorId: actor.userId }] },
    ],
  };
}

/**
 * Assignments whose rubric the actor reads, as a `where` clause on assignments: its group's staff
 * always; its students once grades are released (each then reads the rubric beside their own scores,
 * `gradeReadWhere`). A former member or anyone else: none.
 */
export function rubricReadWhere(actor: Actor) {
  if (!actor) return { id: { in: [] as string[] } };
  return { OR: [assignmentWhere(actor, "assignment.grade"), releasedToStudentWhere(actor)] };
}

function releasedToStudentWhere(actor: { userId: string }) {
  return {
    gradesReleasedAt: { not: null },
    group: { memberships: { some: { userId: actor.userId, role: "STUDENT" as GroupRole } } },
  };
}

/**
 * Which grades (rubric scores) and private feedback an actor reads, as a `where` clause on rows
 * with `assignmentId` and `studentId`:
 * - the group's staff (`assignment.grade`) read every student's, released or not;
 * - a student reads their own, once the assignment's grades are released, while a student of the
 *   group.
 * Nobody else: not another student, not someone who has left the group (a former member of staff or
 * the student themselves), not an anonymous caller. Feedback lives in its own table for this: it
 * never reaches the annotation lists, index or live channels.
 */
export function gradeReadWhere(actor: Actor) {
  if (!actor) return { assignmentId: { in: [] as string[] } };
  return {
    OR: [
      { assignment: assignmentWhere(actor, "assignment.grade") },
      { studentId: actor.userId, assignment: releasedToStudentWhere(actor) },
    ],
  };
}

/**
 * The actor's own replies in threads that they did not write, for their own export: each carried
 * alone (it targets its thread's root by IRI only, so nothing of a thread withheld from them leaks).
 */
export function ownRepliesElsewhereWhere(actor: { userId: string }) {
  return {
    authorId: actor.userId,
    deletedAt: null,
    parentId: { not: null },
    parent: { authorId: { not: actor.userId } },
  };
}

/**
 * The assignment action reading `studentId`'s grades takes: one's own need only be a member
 * ("assignment.read"; released or not is `gradeReadWhere`'s), anyone else's need "assignment.grade".
 */
export function gradeReadAction(actor: { userId: string }, studentId: string): AssignmentAction {
  return studentId === actor.userId ? "assignment.read" : "assignment.grade";
}
