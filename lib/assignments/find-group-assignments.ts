import "server-only";
import { db } from "@/lib/db";
import { assignmentWhere, type Actor } from "@/lib/auth/policy";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";

export interface AssignmentSummary {
  id: string;
  title: string;
  opensAt: Date;
  dueAt: Date;
  timeZone: string;
  closedAt: Date | null;
  readings: number;
}

/** A group's assignments, soonest due first, for its members (NOT_FOUND for anyone else). */
export async function findGroupAssignments(actor: Actor, groupId: string): Promise<AssignmentSummary[]> {
  await requireGroupPermission(db, actor, groupId, "group.read");
  const rows = await db.assignment.findMany({
    where: { groupId, ...assignmentWhere(actor, "assignment.read") },
    orderBy: [{ dueAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      title: true,
      opensAt: true,
      dueAt: true,
      timeZone: true,
      closedAt: true,
      _count: { select: { readings: true } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, readings: _count.readings }));
}
