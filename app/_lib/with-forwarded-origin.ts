import type { NextRequest } from "next/server";
import { visitorOrigin } from "@/lib/http/same-origin";

/**
 * The request with the origin the visitor used (X-Forwarded-Host/-Proto, else Host) as its URL, for
 * Auth.js's route handlers.
 *
 * Why: `next start` gives route handlers a URL on the address it listens on, and NextRequest writes
 * 127.0.0.1 as `localhost`, while Auth.js's server-side signIn() (used by the server actions) builds
 * its URLs from the request headers. When the two disagree, an OAuth callback sends another
 * redirect_uri than its start did (the provider answers invalid_grant) and an emailed link's
 * callbackUrl counts as foreign. A plain Request is returned because a NextRequest would turn
 * 127.0.0.1 back into localhost; it keeps a `nextUrl`, which next-auth reads when AUTH_URL is set
 * (and then puts AUTH_URL's origin in place of this one, as it always does).
 */
export async function withForwardedOrigin(request: NextRequest): Promise<NextRequest> {
  const origin = visitorOrigin(request.headers, request.url);
  if (!origin) return request;
  const current = new URL(request.url);
  const url = new URL(`${current.pathname}${current.search}`, origin);
  if (url.origin === current.origin) return request;
  const forwarded = new Request(url, {
    method: request.method,
    headers: request.headers,
    body: request.method === "POST" ? await request.arrayBuffer() : undefined,
  });
  return Object.assign(forwarded, { nextUrl: url }) as unknown as NextRequest;
}
