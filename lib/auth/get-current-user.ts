import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Actor } from "./policy.ts";
import { auth } from "./auth.ts";

export interface CurrentUser {
  id: string;
  name: string;
  email: string;
  locale: "pl" | "en";
  currentGroupId: string | null;
}

/**
 * The signed-in user, read from the database on each request (once per render), or null for an
 * anonymous reader or a session whose user no longer exists.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, locale: true, currentGroupId: true },
  });
  return user ? { ...user, locale: user.locale === "en" ? "en" : "pl" } : null;
});

/** The current user as a policy actor. */
export async function getActor(): Promise<Actor> {
  const user = await getCurrentUser();
  return user ? { userId: user.id } : null;
}
