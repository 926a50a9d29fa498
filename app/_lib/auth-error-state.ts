import { AuthError, CredentialsSignin } from "next-auth";
import type { FormState } from "./form-state";

/**
 * Auth.js error types (and "Configuration", which its error page gets for server-side faults) with a
 * message of their own under "errors"; any other type gets "signInError".
 */
const MESSAGE_BY_TYPE: Record<string, string> = {
  CredentialsSignin: "signInFailed",
  AccessDenied: "accessDenied",
  OAuthAccountNotLinked: "accountNotLinked",
  Verification: "verification",
  Configuration: "configuration",
  EmailSignInError: "emailSignInError",
};

const RATE_LIMITED = /^rate_limited:(\d{1,4})$/;

/**
 * The message for an Auth.js error type and code, from a failed sign-in in a server action or the
 * `?error=…&code=…` that Auth.js puts on the sign-in page. An unknown email and a wrong password are
 * one and the same message ("signInFailed"); the rate limit names the minutes to wait.
 */
export function authErrorMessage(type: string | null | undefined, code?: string | null): FormState {
  const limited = code ? RATE_LIMITED.exec(code) : null;
  if (limited) {
    return {
      status: "error",
      error: "signInRateLimited",
      fields: {},
      values: { minutes: Math.max(1, Number(limited[1])) },
    };
  }
  const message = (type && Object.hasOwn(MESSAGE_BY_TYPE, type) && MESSAGE_BY_TYPE[type]) || "signInError";
  return { status: "error", error: message, fields: {} };
}

/** The form state for an error thrown by Auth.js's signIn(). */
export function authErrorState(error: AuthError): FormState {
  return authErrorMessage(error.type, error instanceof CredentialsSignin ? error.code : null);
}
