import "server-only";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { toSourceSummary } from "./to-source-summary.ts";
import type { SourceSummary } from "./types.ts";

/**
 * Every source `actor` may read (the public library and their groups' own sources, `sourceReadWhere`)
 * with its latest edition's figures, in the order of the documents' dates, then title.
 */
export async function findSources(actor: Actor): Promise<SourceSummary[]> {
  const rows = await db.source.findMany({
    where: sourceReadWhere(actor),
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    include: {
      editions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, text: true, _count: { select: { passages: true } } },
      },
    },
  });
  return rows.flatMap((row) => {
    const edition = row.editions[0];
    if (!edition) return [];
    return [toSourceSummary(row, { ...edition, passageCount: edition._count.passages })];
  });
}
