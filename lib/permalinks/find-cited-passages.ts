import "server-only";
import { editionContent, type EditionContent } from "@/lib/annotations/edition-content";
import { sentencesOf } from "@/lib/annotations/place-in-edition";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/db/generated/prisma/client.ts";
import { PERMALINK_ID_PATTERN } from "./permalink-id-pattern.ts";
import { PERMALINK_PASSAGE_SELECT } from "./permalink-select.ts";
import { quoteHash } from "./quote-hash.ts";

/** A passage as a cross-reference cites it: in the edition its permalink was pinned to. */
export interface CitedPassage {
  id: string;
  slug: string;
  title: { pl: string; en: string };
  /** The language of the source's text (BCP 47). */
  language: string;
  /** The pinned edition's text at the permalink. */
  quote: string;
  firstSentence: number;
  lastSentence: number;
  editionNumber: number;
  /** Whether that text still hashes to the quote hash stored with the permalink. */
  verified: boolean;
}

/**
 * The passages behind these permalink ids, by id; ids that are malformed or name no permalink are
 * simply absent, and so are those on a source `actor` may not read (a group's own source, for anyone
 * outside the group: `sourceReadWhere`). One query however many ids (a body cites at most MAX_REFERENCES).
 */
export async function findCitedPassages(
  client: Pick<PrismaClient, "permalink" | "edition">,
  ids: readonly string[],
  actor: Actor,
): Promise<Map<string, CitedPassage>> {
  const wellFormed = [...new Set(ids)].filter((id) => PERMALINK_ID_PATTERN.test(id));
  if (wellFormed.length === 0) return new Map();
  const links = await client.permalink.findMany({
    where: { id: { in: wellFormed }, edition: { source: sourceReadWhere(actor) } },
    select: PERMALINK_PASSAGE_SELECT,
  });
  // Each edition's text once (kept by the instance), one after the other: `client` may be a transaction.
  const contents = new Map<string, EditionContent | null>();
  for (const { edition } of links) {
    if (!contents.has(edition.id)) contents.set(edition.id, await editionContent(client, edition.id));
  }
  return new Map(
    links.flatMap((link) => {
      const { edition } = link;
      const content = contents.get(edition.id);
      if (!content) return [];
      const quote = content.text.slice(link.start, link.end);
      const passage: CitedPassage = {
        id: link.id,
        slug: edition.source.slug,
        title: { pl: edition.source.titlePl, en: edition.source.titleEn },
        language: edition.source.language,
        quote,
        ...sentencesOf(content.passages, link.start, link.end),
        editionNumber: edition.number,
        verified: quoteHash(quote) === link.quoteHash,
      };
      return [[link.id, passage] as const];
    }),
  );
}
