"use server";

import { refresh } from "next/cache";
import { getActor } from "@/lib/auth/get-current-user";
import { addFeedback } from "@/lib/assignments/add-feedback";
import { deleteFeedback } from "@/lib/assignments/delete-feedback";
import { scoreStudent } from "@/lib/assignments/score-student";
import { setGradesReleased } from "@/lib/assignments/set-grades-released";
import { setRubric } from "@/lib/assignments/set-rubric";
import { done, indexedRows, textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";

/*
 * Grading's actions: the rubric, scores, release, private feedback. Each takes the assignment (and
 * student) bound by the page; the services check that the signed-in user may do it.
 */

export async function saveRubricAction(
  assignmentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const criteria = indexedRows(
      formData,
      "criteria",
      ["id", "title", "description", "maxPoints"],
      ["title", "description", "maxPoints"],
    );
    await setRubric(await getActor(), assignmentId, { criteria });
    refresh();
    return done("rubricSaved");
  });
}

export async function setGradesReleasedAction(
  assignmentId: string,
  released: boolean,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    await setGradesReleased(await getActor(), assignmentId, released);
    refresh();
    return done(released ? "gradesReleased" : "gradesWithdrawn");
  });
}

export async function scoreStudentAction(
  assignmentId: string,
  studentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const scores = indexedRows(formData, "scores", ["criterionId", "points", "comment"], ["criterionId"]);
    await scoreStudent(await getActor(), assignmentId, studentId, { scores });
    refresh();
    return done("scoresSaved");
  });
}

export async function addFeedbackAction(
  assignmentId: string,
  studentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    await addFeedback(
      await getActor(),
      assignmentId,
      studentId,
      textFields(formData, ["text", "annotationId"]),
    );
    refresh();
    return done("feedbackSaved");
  });
}

export async function deleteFeedbackAction(feedbackId: string, _state: FormState): Promise<FormState> {
  return runAction(async () => {
    await deleteFeedback(await getActor(), feedbackId);
    refresh();
    return done("feedbackDeleted");
  });
}
