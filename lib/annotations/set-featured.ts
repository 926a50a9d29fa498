import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { requireActor } from "@/lib/groups/require-group-permission";
import { AppError } from "@/lib/http/errors";
import { announceAnnotationChange } from "@/lib/live/annotation-changes";
import { findReadableAnnotation, loadMemberships } from "./access.ts";
import { changeOf } from "./change-of.ts";
import { markPermissions } from "./set-helpful-mark.ts";
import type { FeaturedView } from "./types.ts";

/**
 * Highlights (`featured` true) an annotation for the whole group, or takes the highlight off: the
 * group's instructors and teaching assistants, on a thread root they read (`annotationMarkPermissions`).
 * A highlighted note is listed first by every reader who reads it; it reaches nobody new. NOT_FOUND
 * when the actor cannot read it, FORBIDDEN when they may not highlight it; asking for what already
 * is changes nothing.
 */
export async function setFeatured(actor: Actor, id: string, featured: boolean): Promise<FeaturedView> {
  const { userId } = requireActor(actor);
  const memberships = await loadMemberships(db, actor);
  const row = await findReadableAnnotation(db, actor, memberships, id);
  if (!markPermissions(actor, memberships, row).feature) throw new AppError("FORBIDDEN", "notAllowed");
  const { count } = await db.annotation.updateMany({
    where: { id: row.id, featuredAt: featured ? null : { not: null } },
    data: featured
      ? { featuredAt: new Date(), featuredById: userId }
      : { featuredAt: null, featuredById: null },
  });
  if (count > 0) await announceAnnotationChange(await changeOf(db, row));
  return { featured, canFeature: true };
}
