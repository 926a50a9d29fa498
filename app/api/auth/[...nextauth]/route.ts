import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { withForwardedOrigin } from "../../../_lib/with-forwarded-origin";

/*
 * Auth.js's own endpoints: provider redirects and callbacks, email links, session, CSRF token. They
 * see the request on the origin the visitor used, as signIn() in the server actions does.
 */
export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(await withForwardedOrigin(request));
}

export async function POST(request: NextRequest): Promise<Response> {
  return handlers.POST(await withForwardedOrigin(request));
}
