"use server";

import { refresh } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { getActor } from "@/lib/auth/get-current-user";
import { createGroup } from "@/lib/groups/create-group";
import { joinByCode } from "@/lib/groups/join-by-code";
import { setCurrentGroup } from "@/lib/groups/set-current-group";
import { actionLocale } from "../../_lib/action-locale";
import { done, textField, textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";

/** Creates a group with the user as its instructor and opens it. */
export async function createGroupAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const { id } = await createGroup(await getActor(), textFields(formData, ["name", "description", "term"]));
    redirect(`/${actionLocale(locale)}/groups/${id}`);
  });
}

/** Joins the group whose code was typed and opens it. */
export async function joinByCodeAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const address = clientAddress(await headers());
    const { groupId } = await joinByCode(await getActor(), textField(formData, "code"), address);
    redirect(`/${actionLocale(locale)}/groups/${groupId}`);
  });
}

/** Makes one of the user's groups the current one. */
export async function makeCurrentGroupAction(groupId: string, _state: FormState): Promise<FormState> {
  return runAction(async () => {
    await setCurrentGroup(await getActor(), groupId);
    refresh();
    return done("currentGroupChanged");
  });
}
