import "server-only";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import { changeOf } from "./change-of.ts";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { cardReader, findReadableAnnotation, loadMemberships, type AnnotationRow } from "./access.ts";
import { permissionsOf } from "./to-view.ts";

/**
 * Deletes the actor's own annotation or reply (not in a group they have left: removal ends every write). An annotation that still has replies becomes a
 * tombstone (its body, tags, cross-references and history are erased, the thread stays); otherwise it
 * is removed with its history. Deleting the last reply of a tombstone removes the tombstone too.
 */
export async function deleteAnnotation(
  actor: Actor,
  id: string,
): Promise<{ deleted: "removed" | "tombstone" }> {
  requireActor(actor);
  const { result, change } = await db.$transaction(async (tx) => {
    const memberships = await loadMemberships(tx, actor);
    const current = await findReadableAnnotation(tx, actor, memberships, id);
    if (current.deletedAt) throw new AppError("CONFLICT", "annotationDeleted");
    if (!permissionsOf(current, await cardReader(tx, actor, memberships, [current])).delete)
      throw new AppError("FORBIDDEN", "notAllowed");
    const change = await changeOf(tx, current);
    return { result: await remove(tx, current), change };
  });
  await announceAnnotationChange(change);
  return result;
}

/** Removes `current` (which the policy lets the caller delete) or makes it a tombstone, in the caller's transaction. */
async function remove(
  tx: Prisma.TransactionClient,
  current: AnnotationRow,
): Promise<{ deleted: "removed" | "tombstone" }> {
  const rootId = current.parentId ?? current.id;
  await tx.$executeRaw`SELECT 1 FROM "Annotation" WHERE "id" = ${rootId} FOR UPDATE`;

  if (current.parentId === null) {
    const replies = await tx.annotation.count({ where: { parentId: current.id } });
    if (replies === 0) {
      await tx.annotation.delete({ where: { id: current.id } });
      return { deleted: "removed" as const };
    }
    await tx.annotationRevision.deleteMany({ where: { annotationId: current.id } });
    await tx.annotation.update({
      where: { id: current.id },
      data: {
        deletedAt: new Date(),
        body: Prisma.DbNull,
        bodyText: "",
        bodyHtml: "",
        tags: [],
        // Its body is gone, and with it what it cited.
        references: { deleteMany: {} },
      },
    });
    return { deleted: "tombstone" as const };
  }

  await tx.annotation.delete({ where: { id: current.id } });
  const parent = await tx.annotation.findUnique({
    where: { id: current.parentId },
    select: { deletedAt: true, _count: { select: { replies: true } } },
  });
  if (parent?.deletedAt && parent._count.replies === 0) {
    await tx.annotation.delete({ where: { id: current.parentId } });
  }
  return { deleted: "removed" as const };
}
