import type { NextRequest } from "next/server";
import { redirectToDetectedLocale } from "../_lib/redirect-to-detected-locale";

/**
 * Auth.js's sign-in and error page (`pages.signIn`, `pages.error` in lib/auth/auth.ts) has no locale:
 * send the visitor to the sign-in page in their language, with Auth.js's `?error=…&code=…` kept.
 */
export function GET(request: NextRequest) {
  return redirectToDetectedLocale(request, "/sign-in");
}
