"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { signOut } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { getActor } from "@/lib/auth/get-current-user";
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

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return runAction(async () => {
    await changePassword(await getActor(), textFields(formData, ["currentPassword", "newPassword"]));
    return done("passwordChanged");
  });
}

export async function signOutAction(locale: string): Promise<void> {
  await signOut({ redirectTo: `/${actionLocale(locale)}` });
}
