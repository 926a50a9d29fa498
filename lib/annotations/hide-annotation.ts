import "server-only";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import { changeOf } from "./change-of.ts";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { parseInput } from "@/lib/http/parse-input";
import { cardReader, findReadableAnnotation, loadMemberships } from "./access.ts";
import { HideSchema } from "./schemas.ts";
import { permissionsOf } from "./to-view.ts";

async function requireModerator(actor: Actor, id: string) {
  const memberships = await loadMemberships(db, actor);
  const row = await findReadableAnnotation(db, actor, memberships, id);
  const reader = await cardReader(db, actor, memberships, [row]);
  if (!permissionsOf(row, reader).moderate) throw new AppError("FORBIDDEN", "notAllowed");
  return row;
}

/**
 * Hides an annotation or reply from the group, with a reason (instructors and teaching assistants of
 * its group; never the work of a higher role: see `mayHideWorkOf`). Its author and the group's
 * moderators still see it, marked hidden.
 */
export async function hideAnnotation(actor: Actor, id: string, input: unknown): Promise<{ hidden: true }> {
  const { userId } = requireActor(actor);
  const { reason } = parseInput(HideSchema, input);
  const row = await requireModerator(actor, id);
  await db.annotation.update({
    where: { id: row.id },
    data: { hiddenAt: new Date(), hiddenById: userId, hiddenReason: reason },
  });
  await announceAnnotationChange(await changeOf(db, row));
  return { hidden: true };
}

/** Shows a hidden annotation or reply to the group again. */
export async function unhideAnnotation(actor: Actor, id: string): Promise<{ hidden: false }> {
  requireActor(actor);
  const row = await requireModerator(actor, id);
  await db.annotation.update({
    where: { id: row.id },
    data: { hiddenAt: null, hiddenById: null, hiddenReason: null },
  });
  await announceAnnotationChange(await changeOf(db, row));
  return { hidden: false };
}
