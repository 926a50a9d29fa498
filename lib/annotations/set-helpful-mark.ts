import "server-only";
import { annotationMarkPermissions, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import { findReadableAnnotation, loadMemberships, roleIn, type AnnotationRow } from "./access.ts";
import { changeOf } from "./change-of.ts";
import type { HelpfulView } from "./types.ts";

/**
 * Gives (`marked` true) or takes back the actor's "helpful" mark on a thread root they read: once per
 * member, never on their own note, only while a member who may annotate there (lib/auth/policy.ts,
 * `annotationMarkPermissions`). A note the actor cannot read is NOT_FOUND, one they may not mark
 * FORBIDDEN. Giving it twice, or taking back one not given, changes nothing. The count is kept on the
 * annotation in the same transaction as the mark, so it travels with the tier's shared index part and
 * its live changes; the announcement says only that the group's annotations on the source changed.
 */
export async function setHelpfulMark(actor: Actor, id: string, marked: boolean): Promise<HelpfulView> {
  const { userId } = requireActor(actor);
  const memberships = await loadMemberships(db, actor);
  const row = await findReadableAnnotation(db, actor, memberships, id);
  if (!markPermissions(actor, memberships, row).markHelpful) throw new AppError("FORBIDDEN", "notAllowed");
  const count = await db.$transaction(async (tx) => {
    const changed = marked
      ? (
          await tx.annotationMark.createMany({
            data: [{ annotationId: row.id, userId }],
            skipDuplicates: true,
          })
        ).count
      : (await tx.annotationMark.deleteMany({ where: { annotationId: row.id, userId } })).count;
    if (changed === 0) return null;
    const updated = await tx.annotation.update({
      where: { id: row.id },
      data: { helpfulCount: { increment: marked ? 1 : -1 } },
      select: { helpfulCount: true },
    });
    return updated.helpfulCount;
  });
  if (count === null) return { count: row.helpfulCount, marked, canMark: true };
  await announceAnnotationChange(await changeOf(db, row));
  return { count, marked, canMark: true };
}

/** What the actor may do with a root's marks (their role in its group now). */
export function markPermissions(
  actor: Actor,
  memberships: Parameters<typeof roleIn>[0],
  row: AnnotationRow,
): { markHelpful: boolean; feature: boolean } {
  return annotationMarkPermissions(actor, roleIn(memberships, row.groupId), {
    authorId: row.authorId,
    groupId: row.groupId,
    parentId: row.parentId,
    visibility: row.visibility,
    deleted: row.deletedAt !== null,
  });
}
