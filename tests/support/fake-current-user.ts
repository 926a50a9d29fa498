/**
 * Stands in for lib/auth/get-current-user in integration tests that call route handlers in-process:
 * `vi.mock("@/lib/auth/get-current-user", () => import("../support/fake-current-user"))`, then set
 * `session.user` to whom the request comes from (null: anonymous). The user is read from the
 * database as the real module reads it.
 */
import type { Actor } from "@/lib/auth/policy";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { db } from "@/lib/db";

export const session: { user: { id: string } | null } = { user: null };

export async function getCurrentUser(): Promise<CurrentUser | null> {
  if (!session.user) return null;
  const user = await db.user.findUnique({
    where: { id: session.user.id },
    select: { id: true, name: true, email: true, locale: true, currentGroupId: true },
  });
  return user ? { ...user, locale: user.locale === "en" ? "en" : "pl" } : null;
}

export async function getActor(): Promise<Actor> {
  return (await getCurrentUser()) ? { userId: session.user!.id } : null;
}
