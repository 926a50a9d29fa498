/**
 * Prisma's select for a source as a list names it (slug and both titles) with the id of its latest
 * edition, the one the reader opens (search results, pending reviews).
 */
export const SOURCE_TITLES_AND_LATEST_SELECT = {
  slug: true,
  titlePl: true,
  titleEn: true,
  editions: { orderBy: { number: "desc" }, take: 1, select: { id: true } },
} as const;
