import "server-only";
import { assignmentWhere, type Actor } from "@/lib/auth/policy";
import { dbReads } from "@/lib/db";

/**
 * The assignments the caller may filter a search by: those of the groups they belong to
 * ("assignment.read"), newest due date first, each with its group's name. Anonymous: none.
 */
export async function findSearchAssignments(
  actor: Actor,
): Promise<{ id: string; title: string; groupName: string }[]> {
  if (!actor) return [];
  const rows = await dbReads.assignment.findMany({
    where: assignmentWhere(actor, "assignment.read"),
    orderBy: [{ dueAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, group: { select: { name: true } } },
  });
  return rows.map((row) => ({ id: row.id, title: row.title, groupName: row.group.name }));
}
