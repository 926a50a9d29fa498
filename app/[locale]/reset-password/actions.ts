"use server";

import { redirect } from "next/navigation";
import { resetPassword } from "@/lib/auth/reset-password";
import { actionLocale } from "../../_lib/action-locale";
import { textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";
import { signInWithPassword } from "../../_lib/sign-in-with-password";

/** Sets the new password with the link's token and signs the user in with it. */
export async function resetPasswordAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const lang = actionLocale(locale);
  return runAction(async () => {
    const { token, password } = textFields(formData, ["token", "password"]);
    const { email } = await resetPassword({ token, password });
    await signInWithPassword(email, password, `/${lang}`);
    // Reached only when Auth.js refused (the address is rate-limited): the password is set all the same.
    redirect(`/${lang}/sign-in?reset=1`);
  });
}
