import { PASSAGE_RANGES } from "@/lib/annotations/place-in-edition";
import type { Prisma } from "@/lib/db/generated/prisma/client.ts";

/** A permalink with the edition it is pinned to: the text, its sentences and the source. */
export const PERMALINK_PASSAGE_SELECT = {
  id: true,
  start: true,
  end: true,
  quoteHash: true,
  edition: {
    select: {
      number: true,
      text: true,
      passages: PASSAGE_RANGES,
      source: { select: { id: true, slug: true, titlePl: true, titleEn: true, language: true } },
    },
  },
} satisfies Prisma.PermalinkSelect;
