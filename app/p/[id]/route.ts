import type { NextRequest } from "next/server";
import { redirectToDetectedLocale } from "../../_lib/redirect-to-detected-locale";

/** `/p/{id}` (a permalink, as chips in annotations link to it) without a locale: to the visitor's language. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return redirectToDetectedLocale(request, `/p/${encodeURIComponent(id)}`);
}
