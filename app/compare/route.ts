import type { NextRequest } from "next/server";
import { redirectToDetectedLocale } from "../_lib/redirect-to-detected-locale";

/** `/compare?s=…` without a locale: redirect to the visitor's language, selection kept. */
export function GET(request: NextRequest) {
  return redirectToDetectedLocale(request, "/compare");
}
