import "server-only";
import { loadMemberships } from "@/lib/annotations/access";
import { annotationReadWhere, canInGroup, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { SOURCE_TITLES_AND_LATEST_SELECT } from "@/lib/sources/source-titles-select";

export interface PendingReview {
  slug: string;
  title: { pl: string; en: string };
  count: number;
}

/**
 * The sources whose latest revision left annotations of group `groupId` to review, with how many,
 * for the group's staff ("source.revise"; anyone else gets an empty list): the group page's links
 * to each review list. Counts only what the caller reads (annotationReadWhere).
 */
export async function findPendingReviews(actor: Actor, groupId: string): Promise<PendingReview[]> {
  const memberships = await loadMemberships(db, actor);
  const role = memberships.find((m) => m.groupId === groupId)?.role;
  if (!actor || !canInGroup(role, "source.revise")) return [];
  const rows = await db.annotationPlacement.findMany({
    where: {
      outcome: { in: ["REVIEW", "ORPHAN"] },
      decision: null,
      annotation: { groupId, parentId: null, deletedAt: null, ...annotationReadWhere(actor, memberships) },
    },
    select: {
      editionId: true,
      edition: {
        select: {
          source: { select: SOURCE_TITLES_AND_LATEST_SELECT },
        },
      },
    },
  });
  const bySlug = new Map<string, PendingReview>();
  for (const { editionId, edition } of rows) {
    const { source } = edition;
    if (source.editions[0]?.id !== editionId) continue;
    const entry = bySlug.get(source.slug) ?? {
      slug: source.slug,
      title: { pl: source.titlePl, en: source.titleEn },
      count: 0,
    };
    entry.count++;
    bySlug.set(source.slug, entry);
  }
  return [...bySlug.values()];
}
