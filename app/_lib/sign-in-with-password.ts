import "server-only";
import { cookies } from "next/headers";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { authErrorState } from "./auth-error-state";
import type { FormState } from "./form-state";
import { SIGNED_IN_HINT_COOKIE, SIGNED_IN_HINT_OPTIONS } from "./signed-in-hint";

/**
 * Signs in with an email and password and redirects to `redirectTo` (a path on this site). Returns
 * the error state when Auth.js refuses (wrong password, rate limit). Only AuthError is caught: the
 * redirect on success travels as an error too and must go on. With it goes the signed-in hint
 * (./signed-in-hint.ts): the action's answer carries the next page itself, so the proxy, which keeps
 * the hint on page requests, does not see that page's request.
 */
export async function signInWithPassword(
  email: string,
  password: string,
  redirectTo: string,
): Promise<FormState> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return authErrorState(error);
    (await cookies()).set(SIGNED_IN_HINT_COOKIE, "1", SIGNED_IN_HINT_OPTIONS);
    throw error;
  }
  return { status: "ok" };
}
