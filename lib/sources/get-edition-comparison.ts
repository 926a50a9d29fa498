import "server-only";
import { compareEditions, type EditionComparison } from "@/lib/anchoring/compare-editions";
import { type Actor, sourceReadWhere } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/http/errors";
import { MAX_INT4 } from "@/lib/http/input-schemas";
import { SOURCE_SLUG_PATTERN } from "./source-metadata-schema.ts";

/** Two editions of one source compared: the numbers compared (old side `from`, new side `to`) and the comparison. */
export interface EditionComparisonView {
  slug: string;
  from: number;
  to: number;
  comparison: EditionComparison;
}

/**
 * Editions `from` and `to` of the source `slug`, compared word by word (compareEditions; `from` on the
 * old side, as asked, even if it is the later one). Both are read in one query through the source, limited by
 * sourceReadWhere, so a group's source is not found for anyone outside the group and an edition
 * number of another source is never read. Throws NotFoundError for an unknown or hidden source, or
 * when either edition does not exist.
 */
export async function getEditionComparison(
  slug: string,
  actor: Actor,
  from: number,
  to: number,
): Promise<EditionComparisonView> {
  if (slug.length > 200 || !SOURCE_SLUG_PATTERN.test(slug)) throw new NotFoundError("No such source");
  // A number no edition column can hold names no edition (and must not reach the query).
  if (![from, to].every((n) => Number.isInteger(n) && n >= 1 && n <= MAX_INT4)) {
    throw new NotFoundError("No such edition");
  }
  const source = await db.source.findUnique({
    where: { slug, ...sourceReadWhere(actor) },
    select: {
      editions: {
        where: { number: { in: [from, to] } },
        select: {
          number: true,
          text: true,
          passages: { orderBy: { number: "asc" }, select: { number: true, start: true, end: true } },
        },
      },
    },
  });
  const older = source?.editions.find((edition) => edition.number === from);
  const newer = source?.editions.find((edition) => edition.number === to);
  if (!older || !newer) throw new NotFoundError(`No editions ${from} and ${to} of "${slug}"`);
  return {
    slug,
    from,
    to,
    comparison: compareEditions(
      { text: older.text, sentences: older.passages },
      { text: newer.text, sentences: newer.passages },
    ),
  };
}
