import "server-only";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { astralOffsets } from "@/lib/anchoring/code-points";

export type AstralClient = Pick<PrismaClient, "$queryRawUnsafe">;

/** Each edition's astral offsets by its id (lib/anchoring/code-points.ts); empty for most. */
export type AstralOffsetsByEdition = ReadonlyMap<string, readonly number[]>;

/**
 * Editions never change (a revision is a new edition), so what is derived from one's text holds on
 * every instance for ever: kept here for the most recent editions asked about, at most this many
 * (a few numbers each, nearly always none).
 */
const KEPT = 2_000;
const known = new Map<string, readonly number[]>();

/**
 * Where the characters outside the BMP start in each of the editions `ids`, to write its
 * TextPositionSelectors in code points, as the W3C model counts. The database tells which texts
 * have any (a regular expression on the server), so only those few texts are read here.
 */
export async function loadAstralOffsets(
  client: AstralClient,
  ids: Iterable<string>,
): Promise<AstralOffsetsByEdition> {
  const found = new Map<string, readonly number[]>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const offsets = known.get(id);
    if (offsets) found.set(id, offsets);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const astral = await client.$queryRawUnsafe<{ id: string; text: string }[]>(
      `SELECT "id", "text" FROM "Edition" WHERE "id" = ANY($1::text[]) AND "text" ~ '[\\U00010000-\\U0010FFFF]'`,
      missing,
    );
    const texts = new Map(astral.map((row) => [row.id, row.text]));
    for (const id of missing) {
      const offsets = texts.has(id) ? astralOffsets(texts.get(id)!) : [];
      remember(id, offsets);
      found.set(id, offsets);
    }
  }
  return found;
}

function remember(id: string, offsets: readonly number[]) {
  if (known.size >= KEPT) known.delete(known.keys().next().value!);
  known.set(id, offsets);
}
