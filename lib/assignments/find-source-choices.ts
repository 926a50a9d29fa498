import "server-only";
import { sourceOfGroupWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";

/**
 * Sources an assignment of group `groupId` may name (the public library and the group's own), with
 * their titles and sentence counts (current edition), by date.
 */
export async function findSourceChoices(
  groupId: string,
): Promise<{ slug: string; titlePl: string; titleEn: string; sentences: number }[]> {
  const sources = await db.source.findMany({
    where: sourceOfGroupWhere(groupId),
    orderBy: [{ date: "asc" }, { slug: "asc" }],
    select: {
      slug: true,
      titlePl: true,
      titleEn: true,
      editions: { orderBy: { number: "desc" }, take: 1, select: { _count: { select: { passages: true } } } },
    },
  });
  return sources.map(({ editions, ...s }) => ({ ...s, sentences: editions[0]?._count.passages ?? 0 }));
}
