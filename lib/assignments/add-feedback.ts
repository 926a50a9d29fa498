import "server-only";
import { afterCommit } from "@/lib/notifications/deliver-notifications";
import { notifyFeedback } from "@/lib/notifications/notify-grades";
import { db } from "@/lib/db";
import { assignmentWorkWhere, type Actor } from "@/lib/auth/policy";
import { bodyFromPlainText } from "@/lib/annotations/body/plain-text-body";
import { prepareBody } from "@/lib/annotations/prepare-body";
import { invalidField } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { FeedbackInputSchema } from "./grading-schema.ts";
import { requireAssignment } from "./require-assignment.ts";
import { requireStudent } from "./require-student.ts";

/**
 * Private feedback from the group's staff to one of its students, on the whole assignment or on one
 * of the student's annotations or replies in the group (`annotationId`). Plain text or rich text,
 * validated, checked and rendered exactly as annotation bodies (`prepareBody`). Stored apart from
 * annotations; read only through `gradeReadWhere`.
 */
export async function addFeedback(
  actor: Actor,
  assignmentId: string,
  studentId: unknown,
  input: unknown,
): Promise<{ id: string }> {
  const { id, groupId, userId } = await requireAssignment(actor, assignmentId, "assignment.grade");
  const student = await requireStudent(groupId, studentId);
  const parsed = parseInput(FeedbackInputSchema, input);
  if (parsed.annotationId !== undefined) {
    const annotation = await db.annotation.findFirst({
      where: { id: parsed.annotationId, authorId: student, ...assignmentWorkWhere(groupId) },
      select: { id: true },
    });
    if (!annotation) throw invalidField("annotationId", "annotationInvalid");
  }
  const raw = parsed.body !== undefined ? parsed.body : bodyFromPlainText(parsed.text!);
  const { body, bodyHtml } = await prepareBody(db, userId, "reply", raw);
  const created = await db.assignmentFeedback.create({
    data: {
      assignmentId: id,
      studentId: student,
      annotationId: parsed.annotationId ?? null,
      authorId: userId,
      body: body!,
      bodyHtml,
    },
    select: { id: true },
  });
  await afterCommit(() => notifyFeedback(created.id));
  return created;
}
