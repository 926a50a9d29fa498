"use server";

import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { createAccessToken } from "@/lib/auth/create-access-token";
import { revokeAccessToken } from "@/lib/auth/revoke-access-token";
import { getActor, getCurrentUser } from "@/lib/auth/get-current-user";
import { endSessions } from "@/lib/auth/session-version";
import { updateProfile } from "@/lib/auth/update-profile";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/routing";
import { actionLocale } from "../../_lib/action-locale";
import { done, textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";

/**
 * Saves the name and interface language. The language is also remembered for pages without one in
 * their address (NEXT_LOCALE), and the account page opens again in it.
 */
export async function updateProfileAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    const { locale } = await updateProfile(await getActor(), textFields(formData, ["name", "locale"]));
    (await cookies()).set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: LOCALE_COOKIE_MAX_AGE,
      sameSite: "lax",
    });
    redirect(`/${locale}/account?notice=profileSaved`);
  });
}

/**
 * Sets the new password. That ends every session of the account (anyone who knew the old password is
 * signed out); this browser is signed in again at once with the new password, and the account page
 * opens again with the notice (a new session cookie makes Next render the page anew, which a form's
 * own notice would not survive).
 */
export async function changePasswordAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const lang = actionLocale(locale);
  return runAction(async () => {
    const user = await getCurrentUser();
    const input = textFields(formData, ["currentPassword", "newPassword"]);
    await changePassword(await getActor(), input);
    try {
      await signIn("credentials", { email: user?.email, password: input.newPassword, redirect: false });
    } catch (error) {
      // Refused (the address is rate-limited): the password is changed all the same; sign in again.
      if (!(error instanceof AuthError)) throw error;
      redirect(`/${lang}/sign-in`);
    }
    redirect(`/${lang}/account?notice=passwordChanged`);
  });
}

/** Signs out: ends every session of the account, here and on other devices. */
export async function signOutAction(locale: string): Promise<void> {
  await endSessions(await getActor());
  await signOut({ redirectTo: `/${actionLocale(locale)}` });
}

/** Makes a personal access token: the form shows it this once (only its hash is kept). */
export async function createAccessTokenAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  return runAction(async () => {
    const { token } = await createAccessToken(await getActor(), textFields(formData, ["name", "scope"]));
    revalidatePath(`/${actionLocale(locale)}/account`);
    return done("tokenCreated", token);
  });
}

/** Revokes one of the user's tokens; the list shows it revoked. */
export async function revokeAccessTokenAction(id: string, _state: FormState): Promise<FormState> {
  return runAction(async () => {
    await revokeAccessToken(await getActor(), { id });
    refresh();
    return done("tokenRevoked");
  });
}
