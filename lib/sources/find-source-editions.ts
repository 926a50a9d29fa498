import "server-only";
import { type Actor, showsEditionPublisher, sourceReadWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { SOURCE_SLUG_PATTERN } from "./source-metadata-schema.ts";
import type { Localized } from "./types.ts";

/** One edition in a source's list: when it was made, by whom (where shown), and how many sentences it has. */
export interface EditionEntry {
  number: number;
  /** ISO date and time the edition was saved. */
  createdAt: string;
  /** Who published it, as a revision; null for a first or imported edition, or where names are not shown. */
  publishedBy: string | null;
  /** False for the first edition, true for every later one (a revision, whoever made it). */
  revision: boolean;
  sentenceCount: number;
}

export interface SourceEditions {
  slug: string;
  title: Localized;
  /** The language of the text (BCP 47). */
  language: string;
  /** Oldest first. */
  editions: EditionEntry[];
}

/**
 * A source's editions, oldest first, for `actor`: throws NotFoundError for an unknown slug (or one
 * that cannot be a slug) and for a group's source `actor` is not a member of (sourceReadWhere), so the
 * list is found exactly where the source is. Sentence counts are counted, not the texts read.
 */
export async function findSourceEditions(slug: string, actor: Actor): Promise<SourceEditions> {
  if (slug.length > 200 || !SOURCE_SLUG_PATTERN.test(slug)) throw new NotFoundError("No such source");
  const source = await db.source.findUnique({
    where: { slug, ...sourceReadWhere(actor) },
    select: {
      slug: true,
      titlePl: true,
      titleEn: true,
      language: true,
      groupId: true,
      editions: {
        orderBy: { number: "asc" },
        select: {
          number: true,
          createdAt: true,
          publishedBy: { select: { name: true } },
          _count: { select: { passages: true } },
        },
      },
    },
  });
  if (!source) throw new NotFoundError(`No source "${slug}"`);
  const named = showsEditionPublisher(source);
  return {
    slug: source.slug,
    title: { pl: source.titlePl, en: source.titleEn },
    language: source.language,
    editions: source.editions.map((edition, index) => ({
      number: edition.number,
      createdAt: edition.createdAt.toISOString(),
      publishedBy: named ? (edition.publishedBy?.name ?? null) : null,
      revision: index > 0,
      sentenceCount: edition._count.passages,
    })),
  };
}
