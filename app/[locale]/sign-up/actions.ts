"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddress } from "@/lib/auth/client-address";
import { signUp } from "@/lib/auth/sign-up";
import { acceptInvite } from "@/lib/groups/accept-invite";
import { isAppError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/routing";
import { actionLocale } from "../../_lib/action-locale";
import { textField, textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";
import { safeNext } from "../../_lib/safe-next";
import { signInWithPassword } from "../../_lib/sign-in-with-password";

/**
 * Creates the account, joins the invite's group when the form came from an invite link, signs the
 * new user in and goes on: to the group, else to `next`.
 */
export async function signUpAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const lang = actionLocale(locale);
  return runAction(async () => {
    const input = textFields(formData, ["name", "email", "password"]);
    const { id } = await signUp(input, lang, clientAddress(await headers()));
    const invite = textField(formData, "invite");
    const target = invite ? await joinInvitedGroup(id, invite, lang) : safeNext(formData.get("next"), lang);
    await signInWithPassword(input.email, input.password, target);
    // Reached only when Auth.js refused to sign in (the address is rate-limited): the account exists.
    redirect(`/${lang}/sign-in?${new URLSearchParams({ created: "1", next: target })}`);
  });
}

/**
 * Accepts the invite for the new account and returns the group's page. An invite that stopped working
 * while the form was filled in does not undo the account: the user lands on the invite's page, which
 * says what is wrong with it.
 */
async function joinInvitedGroup(userId: string, token: string, locale: Locale): Promise<string> {
  try {
    const { groupId } = await acceptInvite({ userId }, token);
    return `/${locale}/groups/${groupId}`;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return `/${locale}/join/${encodeURIComponent(token)}`;
  }
}
