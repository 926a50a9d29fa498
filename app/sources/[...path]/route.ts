import type { NextRequest } from "next/server";
import { redirectToDetectedLocale } from "../../_lib/redirect-to-detected-locale";

/** `/sources/{slug}[/{sentence}]` without a locale: redirect to the visitor's language. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ path: string[] }> }) {
  const { path } = await params;
  return redirectToDetectedLocale(request, `/sources/${path.map(encodeURIComponent).join("/")}`);
}
