"use server";

import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { EmailSchema, SignInSchema } from "@/lib/auth/schema";
import { parseInput } from "@/lib/http/parse-input";
import { actionLocale } from "../../_lib/action-locale";
import { authErrorState } from "../../_lib/auth-error-state";
import { textField, textFields, type FormState } from "../../_lib/form-state";
import { runAction } from "../../_lib/run-action";
import { safeNext } from "../../_lib/safe-next";
import { signInWithPassword } from "../../_lib/sign-in-with-password";

/** The providers a sign-in button may name (lib/auth/auth.ts turns each on by configuration). */
const OAUTH_PROVIDERS = ["github", "google", "oidc"] as const;

const EmailLinkSchema = z.object({ email: EmailSchema });

/** Email and password: signs in and goes on to `next`, or says why not. */
export async function signInAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const target = safeNext(formData.get("next"), actionLocale(locale));
  return runAction(async () => {
    const { email, password } = parseInput(SignInSchema, textFields(formData, ["email", "password"]));
    return signInWithPassword(email, password, target);
  });
}

/**
 * A provider's button: off to GitHub, Google or the OpenID Connect provider, which sends the user
 * back to `next`. A refusal comes back to the sign-in page as `?error=`.
 */
export async function signInWithProviderAction(locale: string, provider: string, formData: FormData) {
  const lang = actionLocale(locale);
  const target = safeNext(formData.get("next"), lang);
  if (!(OAUTH_PROVIDERS as readonly string[]).includes(provider)) redirect(`/${lang}/sign-in`);
  try {
    await signIn(provider, { redirectTo: target });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    redirect(`/${lang}/sign-in?${new URLSearchParams({ error: error.type, next: target })}`);
  }
}

/** Emails a sign-in link (when SMTP is configured), then shows "check your email". */
export async function emailLinkAction(
  locale: string,
  _state: FormState,
  formData: FormData,
): Promise<FormState> {
  const lang = actionLocale(locale);
  const target = safeNext(formData.get("next"), lang);
  return runAction(async () => {
    const { email } = parseInput(EmailLinkSchema, { email: textField(formData, "email") });
    try {
      await signIn("nodemailer", { email, redirectTo: target, redirect: false });
    } catch (error) {
      if (error instanceof AuthError) return authErrorState(error);
      throw error;
    }
    redirect(`/${lang}/sign-in/check-email`);
  });
}
