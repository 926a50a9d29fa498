import type { NextRequest } from "next/server";

/**
 * Whether a form POST to a route handler came from a page of this site. The session cookie is
 * SameSite=Lax (not sent on cross-site POSTs) already; this is the second lock, as Next applies to
 * server actions. A browser that sends no Origin is judged by Sec-Fetch-Site.
 */
export function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return request.headers.get("sec-fetch-site") !== "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
