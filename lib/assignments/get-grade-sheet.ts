import "server-only";
import { gradeReadAction, type Actor } from "@/lib/auth/policy";
import { AppError } from "@/lib/http/errors";
import { parseId } from "@/lib/http/parse-id";
import { gradeSheetOf, loadGrades, type GradeSheet } from "./load-grades.ts";
import { requireAssignment } from "./require-assignment.ts";

/**
 * A student's rubric, scores and feedback on an assignment: for the group's staff, any student's,
 * released or not; for a student, their own once released (null before). Another student's: FORBIDDEN.
 */
export async function getGradeSheet(
  actor: Actor,
  assignmentId: string,
  studentId: unknown,
): Promise<GradeSheet | null> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "signInRequired");
  const student = parseId(studentId, "studentInvalid");
  const { id } = await requireAssignment(actor, assignmentId, gradeReadAction(actor, student));
  return gradeSheetOf(await loadGrades(actor, [id], student), id, student);
}
