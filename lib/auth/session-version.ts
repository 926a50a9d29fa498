import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "./policy.ts";

/**
 * Sessions are signed cookies (JWT) that the server does not store, so ending one means refusing it:
 * each carries the user's `sessionVersion` from when it was made (lib/auth/session-callbacks.ts), and
 * getCurrentUser accepts it only while the user's row still has that version. Raising the version ends
 * every session of the user at once, on every device, on every app instance.
 */
export async function currentSessionVersion(userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** Ends every session of the signed-in user (signing out); nothing for an anonymous caller. */
export async function endSessions(actor: Actor): Promise<void> {
  if (!actor) return;
  await db.user.updateMany({ where: { id: actor.userId }, data: { sessionVersion: { increment: 1 } } });
}
