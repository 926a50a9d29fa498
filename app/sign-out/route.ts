import { signOut } from "@/lib/auth/auth";
import { endSessions } from "@/lib/auth/session-version";
import { route } from "@/lib/http/route";
import { defaultLocale, isLocale } from "@/lib/i18n/routing";

/**
 * Signing out from the header's account menu (a plain form, so it works on cached pages): ends every
 * session of the account (a copied cookie stops working too, see lib/auth/session-version.ts), clears
 * this browser's cookie and goes to the library in the form's language (303). Another site's form: 403; a body
 * that is not a form: 400.
 */
export const POST = route({ caller: "anyone", body: "form" }, async ({ actor, body }) => {
  const locale = body.get("locale");
  await endSessions(actor);
  await signOut({ redirect: false });
  return new Response(null, {
    status: 303,
    headers: { Location: `/${isLocale(locale) ? locale : defaultLocale}`, "Cache-Control": "no-store" },
  });
});
