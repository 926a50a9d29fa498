import type { NextRequest } from "next/server";
import { signOut } from "@/lib/auth/auth";
import { getActor } from "@/lib/auth/get-current-user";
import { endSessions } from "@/lib/auth/session-version";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";
import { isSameOrigin } from "../_lib/same-origin";

/**
 * Signing out from the header's account menu (a plain form, so it works on cached pages): ends every
 * session of the account (a copied cookie stops working too, see lib/auth/session-version.ts), clears
 * this browser's cookie and goes to the library in the form's language (303).
 */
export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOrigin(request)) return new Response(null, { status: 403 });
  const locale = (await request.formData()).get("locale");
  await endSessions(await getActor());
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: `/${isLocale(locale) ? locale : defaultLocale}`, "Cache-Control": "no-store" },
  });
}
