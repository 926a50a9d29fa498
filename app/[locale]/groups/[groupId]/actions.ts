"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-current-user";
import { changeRole } from "@/lib/groups/change-role";
import { createInvite } from "@/lib/groups/create-invite";
import { regenerateJoinCode } from "@/lib/groups/regenerate-join-code";
import { removeMember } from "@/lib/groups/remove-member";
import { requireActor } from "@/lib/groups/require-group-permission";
import { revokeInvite } from "@/lib/groups/revoke-invite";
import { sendInviteEmail } from "@/lib/groups/send-invite-email";
import { updateGroup } from "@/lib/groups/update-group";
import { publicUrl } from "@/lib/http/public-url";
import { actionLocale } from "../../../_lib/action-locale";
import { done, textField, textFields, type FormState } from "../../../_lib/form-state";
import { requestOrigin } from "../../../_lib/request-origin";
import { runAction } from "../../../_lib/run-action";

/*
 * The group page's actions. Each takes the group (and member or invite) bound by the page; the
 * services check that the signed-in user may do it, whatever the browser sends.
 */

export async function updateGroupAction(
  groupId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    await updateGroup(await getActor(), groupId, textFields(formData, ["name", "description", "term"]));
    refresh();
    return done("groupSaved");
  });
}

export async function changeRoleAction(
  groupId: string,
  memberUserId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    await changeRole(await getActor(), groupId, memberUserId, textField(formData, "role"));
    refresh();
    return done("roleChanged");
  });
}

export async function removeMemberAction(
  locale: string,
  groupId: string,
  memberUserId: string,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    await removeMember(await getActor(), groupId, memberUserId);
    redirect(`/${actionLocale(locale)}/groups/${groupId}?notice=memberRemoved`);
  });
}

export async function leaveGroupAction(
  locale: string,
  groupId: string,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    const actor = requireActor(await getActor());
    await removeMember(actor, groupId, actor.userId);
    redirect(`/${actionLocale(locale)}/groups?notice=left`);
  });
}

/** Makes an invite link; the state's value is the whole link, shown once. */
export async function createInviteAction(
  locale: string,
  groupId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const input = textFields(formData, ["role", "expiresInDays", "maxUses"]);
    const { token } = await createInvite(await getActor(), groupId, input);
    const link = publicUrl(`/${actionLocale(locale)}/join/${token}`, await requestOrigin());
    refresh();
    return done("inviteCreated", link);
  });
}

export async function revokeInviteAction(
  groupId: string,
  inviteId: string,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    await revokeInvite(await getActor(), groupId, inviteId);
    refresh();
    return done("inviteRevoked");
  });
}

export async function regenerateJoinCodeAction(groupId: string, _state: FormState): Promise<FormState> {
  return runAction(async () => {
    await regenerateJoinCode(await getActor(), groupId);
    refresh();
    return done("joinCodeChanged");
  });
}

export async function sendInviteEmailAction(
  locale: string,
  groupId: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const input = textFields(formData, ["email", "role"]);
    await sendInviteEmail(await getActor(), groupId, input, actionLocale(locale));
    refresh();
    return done("inviteSent");
  });
}
