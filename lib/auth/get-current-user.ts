import "server-only";
import { cache } from "react";
import type { Actor } from "./policy.ts";
import { auth } from "./auth.ts";
import { userOfSession, type CurrentUser } from "./user-of-session.ts";

export type { CurrentUser };

/** The signed-in user of this request (read once per render), or null for an anonymous reader. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => userOfSession(await auth()));

/** The current user as a policy actor. */
export async function getActor(): Promise<Actor> {
  const user = await getCurrentUser();
  return user ? { userId: user.id } : null;
}
