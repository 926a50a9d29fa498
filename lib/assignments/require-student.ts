import "server-only";
import { db } from "@/lib/db";
import { invalidField } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";

/**
 * The id of `studentId` if they are a student of the group now; otherwise INVALID ("studentInvalid"):
 * staff grade and give feedback only to their group's students, not to a member of another group,
 * a former member, or a member of staff.
 */
export async function requireStudent(groupId: string, studentId: unknown): Promise<string> {
  const student = await db.membership.findFirst({
    where: { groupId, userId: parseId(studentId, "studentInvalid"), role: "STUDENT" },
    select: { userId: true },
  });
  if (!student) throw invalidField("userId", "studentInvalid");
  return student.userId;
}
