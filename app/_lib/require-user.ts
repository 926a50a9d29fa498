import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/get-current-user";
import type { Locale } from "@/lib/i18n/routing";

/**
 * The signed-in user for a page that needs one; anyone else is sent to the sign-in page, which
 * brings them back to `path` (the page's own path with its locale) afterwards.
 */
export async function requireUser(locale: Locale, path: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/${locale}/sign-in?${new URLSearchParams({ next: path })}`);
  return user;
}
