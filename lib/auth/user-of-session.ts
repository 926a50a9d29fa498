import "server-only";
import type { Session } from "next-auth";
import { db } from "@/lib/db";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  locale: "pl" | "en";
  currentGroupId: string | null;
}

/**
 * The user a session belongs to, read from the database, or null when there is no session, its user
 * no longer exists, or it has ended: signed out or made before a password change (its session version
 * is not the user's; see session-version.ts).
 */
export async function userOfSession(session: Session | null): Promise<CurrentUser | null> {
  const id = session?.user?.id;
  if (!id || session.sessionVersion === undefined) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, locale: true, currentGroupId: true, sessionVersion: true },
  });
  if (!user || user.sessionVersion !== session.sessionVersion) return null;
  const { sessionVersion: _version, ...current } = user;
  return { ...current, locale: user.locale === "en" ? "en" : "pl" };
}
