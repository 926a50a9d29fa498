import "server-only";
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/auth";
import { authErrorState } from "./auth-error-state";
import type { FormState } from "./form-state";

/**
 * Signs in with an email and password and redirects to `redirectTo` (a path on this site). Returns
 * the error state when Auth.js refuses (wrong password, rate limit). Only AuthError is caught: the
 * redirect on success travels as an error too and must go on.
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
    throw error;
  }
  return { status: "ok" };
}
