"use server";

import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/get-current-user";
import { acceptInvite } from "@/lib/groups/accept-invite";
import { actionLocale } from "../../../_lib/action-locale";
import type { FormState } from "../../../_lib/form-state";
import { runAction } from "../../../_lib/run-action";

/** Joins the invite's group (or, for a member, just switches to it) and opens the group. */
export async function acceptInviteAction(
  locale: string,
  token: string,
  _state: FormState,
): Promise<FormState> {
  return runAction(async () => {
    const { groupId } = await acceptInvite(await getActor(), token);
    redirect(`/${actionLocale(locale)}/groups/${groupId}`);
  });
}
