import "server-only";
import { loadMemberships } from "@/lib/annotations/access";
import { PASSAGE_RANGES, type PassageRange } from "@/lib/annotations/place-in-edition";
import { annotationReadWhere, sourceOfGroupWhere, sourceReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";
import { requireGroupPermission } from "@/lib/groups/require-group-permission";
import { NotFoundError } from "@/lib/http/errors";
import { SlugSegment } from "@/lib/http/input-schemas";
import { parseId } from "@/lib/http/parse-id";

/** What a group's review of a revised source starts from. */
export interface ReviewScope {
  source: { id: string; slug: string; title: { pl: string; en: string } };
  groupId: string;
  edition: { id: string; number: number; text: string; passages: PassageRange[] };
  /** The placements in the latest edition that the group's staff may review, as a `where` clause. */
  placementWhere: Prisma.AnnotationPlacementWhereInput;
}

/**
 * The review of `slug`'s latest edition by group `groupId`'s staff ("source.revise"): the source
 * (the group's own, or a public one), its latest edition with its sentences, and which placements
 * they review: those of the group's thread roots in that edition that they read (annotationReadWhere:
 * never another member's private note). Anonymous: UNAUTHENTICATED; not a member: NOT_FOUND; a
 * student: FORBIDDEN; a source the group does not hold, or no such source: NOT_FOUND.
 */
export async function openReview(actor: Actor, groupId: string, slug: string): Promise<ReviewScope> {
  const group = parseId(groupId, "groupNotFound");
  await requireGroupPermission(db, actor, group, "source.revise");
  const parsed = SlugSegment.safeParse(slug);
  if (!parsed.success) throw new NotFoundError("sourceNotFound");
  const [source, memberships] = await Promise.all([
    db.source.findFirst({
      where: { slug: parsed.data, AND: [sourceReadWhere(actor), sourceOfGroupWhere(group)] },
      select: {
        id: true,
        slug: true,
        titlePl: true,
        titleEn: true,
        editions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { id: true, number: true, text: true, passages: PASSAGE_RANGES },
        },
      },
    }),
    loadMemberships(db, actor),
  ]);
  const edition = source?.editions[0];
  if (!source || !edition) throw new NotFoundError("sourceNotFound");
  return {
    source: { id: source.id, slug: source.slug, title: { pl: source.titlePl, en: source.titleEn } },
    groupId: group,
    edition,
    placementWhere: {
      editionId: edition.id,
      annotation: {
        sourceId: source.id,
        groupId: group,
        parentId: null,
        deletedAt: null,
        ...annotationReadWhere(actor, memberships),
      },
    },
  };
}
