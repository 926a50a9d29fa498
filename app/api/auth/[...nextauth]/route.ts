import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { route } from "@/lib/http/route";
import { withForwardedOrigin } from "../../../_lib/with-forwarded-origin";

/*
 * Auth.js's own endpoints: provider redirects and callbacks, email links, session, CSRF token. They
 * see the request on the origin the visitor used, as signIn() in the server actions does.
 */
export const GET = route({}, async ({ request }) =>
  handlers.GET(await withForwardedOrigin(request as NextRequest)),
);

export const POST = route(
  {
    crossSiteAllowedBecause:
      "Auth.js checks its own CSRF token, and providers may post their answer from their own site",
  },
  async ({ request }) => handlers.POST(await withForwardedOrigin(request as NextRequest)),
);
