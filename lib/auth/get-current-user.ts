import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import type { Actor } from "./policy.ts";
import { auth } from "./auth.ts";
import { createSessionCache, sessionCookieKey } from "./cached-session.ts";
import { userOfSession, type CurrentUser } from "./user-of-session.ts";

export type { CurrentUser };

const globalForSessions = globalThis as unknown as { glossaSessions?: ReturnType<typeof createSessionCache> };
const sessions = (globalForSessions.glossaSessions ??= createSessionCache());

/**
 * The signed-in user of this request (read once per render), or null for an anonymous reader. The
 * cookie's decoding may come from the instance's short cache (cached-session.ts); the user and the
 * session's version are read from the database every time.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const key = sessionCookieKey((await cookies()).getAll());
  return userOfSession(await sessions.get(key, () => auth()));
});

/** The current user as a policy actor (with the name read with their session). */
export async function getActor(): Promise<Actor> {
  const user = await getCurrentUser();
  return user ? { userId: user.id, name: user.name } : null;
}
