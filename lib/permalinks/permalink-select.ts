import type { Prisma } from "@/lib/db/generated/prisma/client.ts";

/**
 * A permalink with the edition it is pinned to (its text and sentences are read through
 * editionContent, which each instance keeps) and the source.
 */
export const PERMALINK_PASSAGE_SELECT = {
  id: true,
  start: true,
  end: true,
  quoteHash: true,
  edition: {
    select: {
      id: true,
      number: true,
      source: { select: { id: true, slug: true, titlePl: true, titleEn: true, language: true } },
    },
  },
} satisfies Prisma.PermalinkSelect;
