import "server-only";
import { db } from "@/lib/db";
import { loadMemberships } from "@/lib/annotations/access";
import {
  annotationReadWhere,
  assignmentWhere,
  replyReadWhere,
  rubricReadWhere,
  type MembershipRole,
} from "@/lib/auth/policy";
import { ANNOTATION_KINDS, ASSIGNMENT_KINDS, GRADE_KINDS, type NotificationKind } from "./kinds.ts";

/** What a notification points to. */
export interface NotificationTarget {
  id: string;
  kind: NotificationKind;
  annotationId: string | null;
  assignmentId: string | null;
}

/**
 * The notifications among `rows` whose target `recipient` may read now, asked of the policy module
 * (lib/auth/policy.ts) as every read path asks it: an annotation or reply they read (not deleted),
 * an assignment of a group they belong to, grades released to them. A target they may no longer read
 * (they left the group, the note became private or was deleted, the grades were taken back) leaves
 * its notification out. At most three queries besides the memberships, whatever the number of rows.
 */
export async function readableNotificationIds(
  recipient: { userId: string },
  rows: readonly NotificationTarget[],
  memberships?: readonly MembershipRole[],
): Promise<Set<string>> {
  const ms = memberships ?? (await loadMemberships(db, recipient));
  const idsOf = (kinds: readonly NotificationKind[], key: "annotationId" | "assignmentId") => [
    ...new Set(rows.flatMap((r) => (kinds.includes(r.kind) && r[key] ? [r[key]] : []))),
  ];
  const annotationIds = idsOf(ANNOTATION_KINDS, "annotationId");
  const assignmentIds = idsOf(ASSIGNMENT_KINDS, "assignmentId");
  const gradedIds = idsOf(GRADE_KINDS, "assignmentId");
  const [annotations, assignments, graded] = await Promise.all([
    annotationIds.length === 0
      ? []
      : db.annotation.findMany({
          where: {
            id: { in: annotationIds },
            deletedAt: null,
            OR: [
              { parentId: null, ...annotationReadWhere(recipient, ms) },
              { parentId: { not: null }, ...replyReadWhere(recipient, ms) },
            ],
          },
          select: { id: true },
        }),
    assignmentIds.length === 0
      ? []
      : db.assignment.findMany({
          where: { id: { in: assignmentIds }, ...assignmentWhere(recipient, "assignment.read") },
          select: { id: true },
        }),
    gradedIds.length === 0
      ? []
      : db.assignment.findMany({
          where: { id: { in: gradedIds }, ...rubricReadWhere(recipient) },
          select: { id: true },
        }),
  ]);
  const readableAnnotations = new Set(annotations.map((a) => a.id));
  const readableAssignments = new Set(assignments.map((a) => a.id));
  const readableGrades = new Set(graded.map((a) => a.id));
  return new Set(
    rows
      .filter((r) => {
        if (ANNOTATION_KINDS.includes(r.kind)) return readableAnnotations.has(r.annotationId ?? "");
        if (ASSIGNMENT_KINDS.includes(r.kind)) return readableAssignments.has(r.assignmentId ?? "");
        return readableGrades.has(r.assignmentId ?? "");
      })
      .map((r) => r.id),
  );
}
