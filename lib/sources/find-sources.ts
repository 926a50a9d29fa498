import "server-only";
import { db } from "@/lib/db";
import { toSourceSummary } from "./to-source-summary.ts";
import type { SourceSummary } from "./types.ts";

/** Every source with its latest edition's figures, in the order of the documents' dates, then title. */
export async function findSources(): Promise<SourceSummary[]> {
  const rows = await db.source.findMany({
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
