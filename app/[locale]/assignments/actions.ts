"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-current-user";
import { copyAssignment } from "@/lib/assignments/copy-assignment";
import { createAssignment } from "@/lib/assignments/create-assignment";
import { deleteAssignment } from "@/lib/assignments/delete-assignment";
import { removeExtension } from "@/lib/assignments/remove-extension";
import { setAssignmentClosed } from "@/lib/assignments/set-assignment-closed";
import { setExtension } from "@/lib/assignments/set-extension";
import { ASSIGNMENT_FORM_FIELDS } from "@/lib/assignments/schema";
import { updateAssignment } from "@/lib/assignments/update-assignment";
import { actionLocale } from "../../_lib/action-locale";
import { done, textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";

/*
 * The assignment pages' actions. Each takes the group or assignment bound by the page; the services
 * check that the signed-in user may do it (lib/auth/policy.ts), whatever the browser sends.
 */

export async function createAssignmentAction(
  locale: string,
  groupId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const { id } = await createAssignment(
      await getActor(),
      groupId,
      textFields(formData, ASSIGNMENT_FORM_FIELDS),
    );
    redirect(`/${actionLocale(locale)}/assignments/${id}?notice=assignmentSaved`);
  });
}

export async function updateAssignmentAction(
  locale: string,
  assignmentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    await updateAssignment(await getActor(), assignmentId, textFields(formData, ASSIGNMENT_FORM_FIELDS));
    redirect(
      `/${actionLocale(locale)}/assignments/${encodeURIComponent(assignmentId)}?notice=assignmentSaved`,
    );
  });
}

export async function closeAssignmentAction(assignmentId: string, _state: FormState): Promise<FormState> {
  return runAction(async () => {
    await setAssignmentClosed(await getActor(), assignmentId, true);
    refresh();
    return done("assignmentClosed");
  });
}

export async function reopenAssignmentAction(assignmentId: string, _state: FormState): Promise<FormState> {
  return runAction(async () => {
    await setAssignmentClosed(await getActor(), assignmentId, false);
    refresh();
    return done("assignmentReopened");
  });
}

export async function deleteAssignmentAction(
  locale: string,
  assignmentId: string,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    const { groupId } = await deleteAssignment(await getActor(), assignmentId);
    redirect(`/${actionLocale(locale)}/groups/${groupId}/assignments?notice=assignmentDeleted`);
  });
}

export async function copyAssignmentAction(
  locale: string,
  assignmentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const { id } = await copyAssignment(await getActor(), assignmentId, textFields(formData, ["groupId"]));
    redirect(`/${actionLocale(locale)}/assignments/${id}?notice=assignmentCopied`);
  });
}

export async function setExtensionAction(
  assignmentId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    await setExtension(await getActor(), assignmentId, textFields(formData, ["userId", "dueAt", "timeZone"]));
    refresh();
    return done("extensionSaved");
  });
}

export async function removeExtensionAction(
  assignmentId: string,
  userId: string,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    await removeExtension(await getActor(), assignmentId, userId);
    refresh();
    return done("extensionRemoved");
  });
}
