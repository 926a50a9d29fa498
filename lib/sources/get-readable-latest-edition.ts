import "server-only";
import { PASSAGE_RANGES, type PassageRange } from "@/lib/annotations/place-in-edition";
import { sourceReadWhere, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { SlugSegment } from "@/lib/http/input-schemas";

/** A source the actor reads, with its latest edition (text and passage ranges). */
export interface ReadableLatestEdition {
  id: string;
  slug: string;
  groupId: string | null;
  language: string;
  title: { pl: string; en: string };
  latest: { id: string; number: number; text: string; passages: PassageRange[] };
}

/**
 * The source `slug` with its latest edition, when `actor` reads it (sourceReadWhere); NOT_FOUND for
 * a malformed slug, another group's source, or none. What may be done with it (revise, translate)
 * is each caller's own check.
 */
export async function getReadableLatestEdition(actor: Actor, slug: string): Promise<ReadableLatestEdition> {
  const parsed = SlugSegment.safeParse(slug);
  if (!parsed.success) throw new NotFoundError("sourceNotFound");
  const source = await db.source.findFirst({
    where: { slug: parsed.data, ...sourceReadWhere(actor) },
    select: {
      id: true,
      slug: true,
      groupId: true,
      language: true,
      titlePl: true,
      titleEn: true,
      editions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { id: true, number: true, text: true, passages: PASSAGE_RANGES },
      },
    },
  });
  const latest = source?.editions[0];
  if (!source || !latest) throw new NotFoundError("sourceNotFound");
  return {
    id: source.id,
    slug: source.slug,
    groupId: source.groupId,
    language: source.language,
    title: { pl: source.titlePl, en: source.titleEn },
    latest,
  };
}
