import "server-only";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { STORED_PLACEMENT_SELECT, type StoredPlacement } from "./stored-placement.ts";

/**
 * The stored placements in `editionId` of the annotations among `annotationIds` that have one (those
 * written on earlier editions, placed when it was published), by annotation id. Annotations without
 * one are placed by placeInEdition's search (editions published before placements were stored).
 */
export async function findPlacements(
  client: Pick<PrismaClient, "annotationPlacement">,
  editionId: string,
  annotationIds: readonly string[],
): Promise<Map<string, StoredPlacement>> {
  if (annotationIds.length === 0) return new Map();
  const rows = await client.annotationPlacement.findMany({
    where: { editionId, annotationId: { in: [...annotationIds] } },
    select: STORED_PLACEMENT_SELECT,
  });
  return new Map(rows.map(({ annotationId, ...placement }) => [annotationId, placement]));
}
