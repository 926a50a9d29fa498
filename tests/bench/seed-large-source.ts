/**
 * A public source of at least `characters` characters (tests/support/large-document.ts: sentences
 * of the five sources, swapped and repeated), written straight to the database with one passage per
 * sentence, for benchmarks that need a library of a given size. The passages' search text is made by
 * the database (its trigger), as for any source.
 */
import type { PrismaClient } from "../../lib/db/create-prisma-client.ts";
import { largeDocument } from "../support/large-document.ts";

/** Passages per INSERT: 5 columns each, far under PostgreSQL's 65,535 bind parameters. */
const CHUNK = 2_000;

export async function seedLargeSource(
  prisma: PrismaClient,
  slug: string,
  characters: number,
): Promise<{ characters: number; passages: number }> {
  const document = largeDocument(1939, characters);
  const both = (pl: string, en: string) => ({ pl, en });
  const title = both("Duży dokument", "Large document");
  const source = await prisma.source.create({
    data: {
      slug,
      titlePl: title.pl,
      titleEn: title.en,
      aboutPl: "Wygenerowany do pomiarów.",
      aboutEn: "Generated for benchmarks.",
      kind: "PRIMARY",
      language: "pl",
      date: "1939-09-17",
      placePl: "Kuty",
      placeEn: "Kuty",
      issuerPl: "Generator",
      issuerEn: "Generator",
      publicationEn: "Bench",
      licenceEn: "Bench",
      builtIn: true,
      editions: { create: { number: 1, contentHash: "0".repeat(64), text: document.text } },
    },
    select: { editions: { select: { id: true } } },
  });
  const editionId = source.editions[0]!.id;
  const passages = document.sentences.map((range, index) => ({ editionId, number: index + 1, ...range }));
  for (let i = 0; i < passages.length; i += CHUNK) {
    await prisma.passage.createMany({ data: passages.slice(i, i + CHUNK) });
  }
  return { characters: document.text.length, passages: passages.length };
}
