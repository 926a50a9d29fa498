import type { NextRequest } from "next/server";
import { redirectToDetectedLocale } from "../../_lib/redirect-to-detected-locale";

/** Auth.js's "check your email" page (`pages.verifyRequest`), in the visitor's language. */
export function GET(request: NextRequest) {
  return redirectToDetectedLocale(request, "/sign-in/check-email");
}
